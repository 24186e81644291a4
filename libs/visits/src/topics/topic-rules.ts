import type { FieldError } from '@ohjaamo/platform';

export const TOPIC_CODE = /^[a-z][a-z0-9_]{1,39}$/;
export const TOPIC_LABEL_MAX_LENGTH = 100;

export interface TopicInput {
  code: string;
  labelFi: string;
  labelSv: string;
  labelEn: string;
  active?: boolean;
  sortOrder?: number;
}

export type TopicChanges = Partial<Omit<TopicInput, 'code'>>;

/** `required`: creating needs every label; updating checks only what is given. */
export function topicErrors(input: Partial<TopicInput>, required: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (required && (typeof input.code !== 'string' || !TOPIC_CODE.test(input.code))) {
    errors.push({
      field: 'code',
      code: 'topicCodeInvalid',
      messageKey: 'visits.validation.topicCodeInvalid',
    });
  }
  for (const field of ['labelFi', 'labelSv', 'labelEn'] as const) {
    const value = input[field];
    if (!required && value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push({ field, code: 'isNotEmpty' });
    } else if ([...value.trim()].length > TOPIC_LABEL_MAX_LENGTH) {
      errors.push({ field, code: 'maxLength', params: { max: TOPIC_LABEL_MAX_LENGTH } });
    }
  }
  if (input.active !== undefined && typeof input.active !== 'boolean') {
    errors.push({ field: 'active', code: 'isBoolean' });
  }
  if (
    input.sortOrder !== undefined &&
    (!Number.isInteger(input.sortOrder) || input.sortOrder < 0 || input.sortOrder > 1000)
  ) {
    errors.push({
      field: 'sortOrder',
      code: 'sortOrderInvalid',
      messageKey: 'visits.validation.sortOrderInvalid',
    });
  }
  return errors;
}
