import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { PossibleDuplicatesError, type DuplicateCandidate } from '@ohjaamo/clients';
import { DomainError, ErrorBody, HttpErrorFilter, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';

/**
 * Domain errors of the clients API, as the global filter answers them, with the clients'
 * own messages ("a client with this identity code already exists") and, for a likely
 * duplicate, the candidates to check.
 */
@Catch(DomainError)
@Injectable()
export class ClientsApiErrorFilter implements ExceptionFilter {
  private readonly base: HttpErrorFilter;

  constructor(private readonly i18n: I18nService) {
    this.base = new HttpErrorFilter(i18n);
  }

  catch(exception: DomainError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const body: ErrorBody & { candidates?: DuplicateCandidate[] } = this.base.toBody(exception);
    const key = `clients.errors.${exception.code}`;
    if (this.i18n.has(key)) body.message = this.i18n.translate(key);
    if (exception instanceof PossibleDuplicatesError) body.candidates = exception.candidates;
    response.status(body.statusCode);
    response.setHeader('Cache-Control', 'no-store');
    response.json(body);
  }
}
