import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  Injectable,
  Param,
  ParseUUIDPipe,
} from '@nestjs/common';
import { ErrorBody, I18nService, requestContext, translateFieldError } from '@ohjaamo/platform';
import type { Request, Response } from 'express';

/** A route parameter that is not a uuid: the request is malformed, nothing was looked up. */
export class InvalidIdException extends BadRequestException {
  constructor(readonly field: string) {
    super('invalid_id');
  }
}

/**
 * A uuid route parameter. A malformed id never reaches SQL (where it would be a 500):
 * it is answered 400 with a field error by InvalidIdFilter.
 */
export const IdParam = (name = 'id'): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new InvalidIdException(name) }));

/**
 * Answers InvalidIdException with a 400 that names the field, in the user's language:
 * JSON for the API, the error page for browser pages. Controllers with IdParam use it.
 */
@Catch(InvalidIdException)
@Injectable()
export class InvalidIdFilter implements ExceptionFilter {
  constructor(private readonly i18n: I18nService) {}

  catch(exception: InvalidIdException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { renderError?: (body: ErrorBody) => boolean }>();
    if (response.headersSent) return;
    const body: ErrorBody = {
      statusCode: 400,
      error: 'invalid_id',
      message: this.i18n.translate('errors.badRequest'),
      errors: [translateFieldError(this.i18n, { field: exception.field, code: 'isUUID' })],
      requestId: requestContext.current()?.requestId,
    };
    response.status(400);
    response.setHeader('Cache-Control', 'no-store');
    if (request.renderError?.(body)) return;
    response.json(body);
  }
}
