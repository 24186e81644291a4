import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestContext } from '../context/request-context';
import { I18nService } from '../i18n/i18n.service';
import { DomainError, DomainErrorKind, FieldError } from './domain-error';
import { TranslatedFieldError, translateFieldError } from './field-error-messages';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: { field: string; code: string; message: string }[];
  errorId?: string;
  requestId?: string;
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: HttpStatus.UNPROCESSABLE_ENTITY,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unauthorized: HttpStatus.UNAUTHORIZED,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: 'errors.badRequest',
  401: 'errors.unauthorized',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  413: 'errors.payloadTooLarge',
  422: 'errors.validation',
  429: 'errors.tooManyRequests',
};

/**
 * The one place that turns exceptions into HTTP answers. 4xx answers say what was wrong,
 * field by field, in the user's language. 5xx answers carry only an error id; the details
 * go to the log under that id.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly i18n: I18nService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    response.status(body.statusCode);
    response.setHeader('Cache-Control', 'no-store');
    const renderer = (request as Request & { renderError?: (b: ErrorBody) => boolean }).renderError;
    if (renderer && renderer(body)) return;
    response.json(body);
  }

  toBody(exception: unknown): ErrorBody {
    const requestId = requestContext.current()?.requestId;
    if (exception instanceof DomainError) {
      const statusCode = STATUS_BY_KIND[exception.kind];
      return {
        statusCode,
        error: exception.code,
        message: this.messageFor(statusCode, exception),
        errors: exception.fieldErrors.length
          ? exception.fieldErrors.map((e) => this.fieldMessage(e))
          : undefined,
        requestId,
      };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const statusCode = exception.getStatus();
      return {
        statusCode,
        error: snake(HttpStatus[statusCode] ?? 'error'),
        message: this.i18n.translate(MESSAGE_BY_STATUS[statusCode] ?? 'errors.badRequest'),
        requestId,
      };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unhandled error');
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'internal_error',
      message: this.i18n.translate('errors.internal', { errorId }),
      errorId,
      requestId,
    };
  }

  private messageFor(statusCode: number, error: DomainError): string {
    const specific = this.i18n.errorKey(error.code);
    return specific
      ? this.i18n.translate(specific, error.messageParams)
      : this.i18n.translate(MESSAGE_BY_STATUS[statusCode] ?? 'errors.badRequest');
  }

  fieldMessage(error: FieldError): TranslatedFieldError {
    return translateFieldError(this.i18n, error);
  }
}

function snake(text: string): string {
  return text.toLowerCase();
}
