import { Module } from '@nestjs/common';
import { AuditModule } from '@ohjaamo/audit';
import { ConsentFormRenderer } from './consent-form.renderer';
import { ConsentsService } from './consents.service';

/** Written consents. Needs the global DataSource and I18nService. */
@Module({
  imports: [AuditModule],
  providers: [ConsentsService, ConsentFormRenderer],
  exports: [ConsentsService, ConsentFormRenderer],
})
export class ConsentModule {}
