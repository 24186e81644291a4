import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  Injectable,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/request-auth';
import { scopeValuesOf, signValuesOf } from './consent-wizard.form';
import { ConsentWizardView } from './consent-wizard.view';

/**
 * A scan over 10 MB stops the upload before the controller runs; the wizard's signing step
 * is shown again with the error at the file field and the scope kept (its fields come
 * before the file in the form, so they were read).
 */
@Catch(PayloadTooLargeException)
@Injectable()
export class EvidenceTooLargePageFilter implements ExceptionFilter {
  constructor(private readonly view: ConsentWizardView) {}

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const req = http.getRequest<AuthedRequest>();
    const res = http.getResponse<Response>();
    const body = (req.body ?? {}) as Record<string, unknown>;
    return this.view
      .client(req, String(req.params.id))
      .then((client) =>
        this.view.signStep(
          req,
          res,
          client,
          scopeValuesOf(body),
          signValuesOf(body),
          [
            {
              field: 'file',
              code: 'evidenceTooLarge',
              messageKey: 'consent.fieldErrors.evidenceTooLarge',
            },
          ],
          422,
        ),
      )
      .catch(() => {
        if (!res.headersSent) res.status(413).end();
      });
  }
}
