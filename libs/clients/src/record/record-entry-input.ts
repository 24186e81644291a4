import { isRecordSection, type RecordSection } from '@ohjaamo/consent';
import type { FieldError } from '@ohjaamo/platform';

export const ENTRY_TITLE_MAX = 200;
export const ENTRY_BODY_MAX = 10_000;

export interface RecordEntryInput {
  section: string;
  title: string;
  body: string;
}

const error = (field: string, code: string, params?: Record<string, number>): FieldError => ({
  field,
  code,
  messageKey: `record.fieldErrors.${code}`,
  ...(params ? { params } : {}),
});

/** Field errors of an entry (or its correction); none means it may be stored. */
export function entryErrors(input: RecordEntryInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isRecordSection(input.section)) errors.push(error('section', 'unknownSection'));
  const title = (input.title ?? '').trim();
  if (!title) errors.push(error('title', 'titleRequired'));
  else if (title.length > ENTRY_TITLE_MAX)
    errors.push(error('title', 'titleTooLong', { max: ENTRY_TITLE_MAX }));
  const body = input.body ?? '';
  if (!body.trim()) errors.push(error('body', 'bodyRequired'));
  else if (body.length > ENTRY_BODY_MAX)
    errors.push(error('body', 'bodyTooLong', { max: ENTRY_BODY_MAX }));
  return errors;
}

export function cleanEntry(input: RecordEntryInput): {
  section: RecordSection;
  title: string;
  body: string;
} {
  return { section: input.section as RecordSection, title: input.title.trim(), body: input.body };
}
