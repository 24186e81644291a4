import { Inject, Injectable } from '@nestjs/common';
import { StaffUsersService } from '@ohjaamo/identity';
import type { FieldError } from '@ohjaamo/platform';
import { clientRule } from './rules/client-field-error';

/** The responsible worker must be an active staff user holding the adviser role. */
@Injectable()
export class ResponsibleWorkerCheck {
  constructor(@Inject(StaffUsersService) private readonly staff: StaffUsersService) {}

  async errors(workerId: string | null | undefined): Promise<FieldError[]> {
    if (!workerId) return [];
    const worker = await this.staff.findById(workerId);
    if (!worker) return [clientRule('responsibleWorkerId', 'responsibleWorkerNotFound')];
    if (!worker.active) return [clientRule('responsibleWorkerId', 'responsibleWorkerInactive')];
    if (!worker.roles.includes('adviser')) {
      return [clientRule('responsibleWorkerId', 'responsibleWorkerNotAdviser')];
    }
    return [];
  }
}
