import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  Injectable,
  PayloadTooLargeException,
} from '@nestjs/common';
import { DomainError, HttpErrorFilter, I18nService } from '@ohjaamo/platform';

/** Multer's size limit, answered like the other evidence checks: a field error, 422. */
@Catch(PayloadTooLargeException)
@Injectable()
export class EvidenceTooLargeFilter implements ExceptionFilter {
  private readonly base: HttpErrorFilter;

  constructor(i18n: I18nService) {
    this.base = new HttpErrorFilter(i18n);
  }

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    this.base.catch(
      DomainError.validation([
        {
          field: 'file',
          code: 'evidenceTooLarge',
          messageKey: 'consent.fieldErrors.evidenceTooLarge',
        },
      ]),
      host,
    );
  }
}
