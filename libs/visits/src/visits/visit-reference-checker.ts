import { Inject, Injectable } from '@nestjs/common';
import type { FieldError } from '@ohjaamo/platform';
import { ReferenceRepository } from '../shared/reference.repository';
import type { VisitFields } from './visit-rules';

const rule = (field: string, code: string): FieldError => ({
  field,
  code,
  messageKey: `visits.validation.${code}`,
});

/** Checks that the topics, agencies, professionals and client a visit names exist. */
@Injectable()
export class VisitReferenceChecker {
  constructor(@Inject(ReferenceRepository) private readonly references: ReferenceRepository) {}

  /**
   * `keptTopics`: codes the visit already has; a topic retired since then stays valid on
   * it, but new visits may use active topics only.
   */
  async errors(
    input: Partial<VisitFields>,
    keptTopics: readonly string[] = [],
  ): Promise<FieldError[]> {
    const topics = input.topics ?? [];
    const agencyIds = input.agencyIds ?? [];
    const professionalIds = input.professionalIds ?? [];
    const referral = input.referralOrganisationId ?? null;
    const found = await this.references.existing({
      topicCodes: topics.filter((code) => !keptTopics.includes(code)),
      organisationIds: referral ? [...agencyIds, referral] : agencyIds,
      staffUserIds: professionalIds,
      clientId: input.clientId,
    });
    const errors: FieldError[] = [];
    topics.forEach((code, i) => {
      if (!keptTopics.includes(code) && !found.topicCodes.has(code))
        errors.push(rule(`topics.${i}`, 'topicUnknown'));
    });
    agencyIds.forEach((id, i) => {
      if (!found.organisationIds.has(id.toLowerCase()))
        errors.push(rule(`agencyIds.${i}`, 'organisationNotFound'));
    });
    if (referral && !found.organisationIds.has(referral.toLowerCase())) {
      errors.push(rule('referralOrganisationId', 'organisationNotFound'));
    }
    professionalIds.forEach((id, i) => {
      if (!found.staffUserOrganisations.has(id.toLowerCase()))
        errors.push(rule(`professionalIds.${i}`, 'staffUserNotFound'));
    });
    if (input.clientId && !found.clientFound) errors.push(rule('clientId', 'clientNotFound'));
    return errors;
  }
}
