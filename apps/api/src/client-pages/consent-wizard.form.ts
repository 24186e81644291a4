import {
  type ConsentInput,
  type ConsentMethod,
  type ConsentView,
  CURRENT_CONSENT_FORM_VERSION,
} from '@ohjaamo/consent';
import type { FieldError } from '@ohjaamo/platform';
import { text } from '../admin/form-errors';
import { asList } from '../ui/form';

/**
 * The consent wizard's scope (step 1), carried between the steps in hidden fields so no
 * personal data goes into a URL and nothing is stored before the last step.
 */
export interface ScopeValues {
  organisationIds: string[];
  organisationKinds: string[];
  sections: string[];
  purpose: string;
  validFrom: string;
  validUntil: string;
  formLanguage: string;
  /** The consent this one replaces (a correction), or ''. */
  replaces: string;
  /** A consent asked for earlier whose answer is being recorded (its scope as stored), or ''. */
  requested: string;
}

/** How the young person answered (step 2). */
export const SIGN_WAYS = [
  'signature_on_screen',
  'typed_name',
  'signed_paper',
  'requested',
  'refused',
] as const;
export type SignWay = (typeof SIGN_WAYS)[number];

export interface SignValues {
  way: string;
  signature: string;
  typedName: string;
  typedConfirm: boolean;
}

export function scopeValuesOf(body: Record<string, unknown>): ScopeValues {
  return {
    organisationIds: asList(body.organisationIds),
    organisationKinds: asList(body.organisationKinds),
    sections: asList(body.sections),
    purpose: text(body.purpose).slice(0, 1000),
    validFrom: text(body.validFrom),
    validUntil: text(body.validUntil),
    formLanguage: text(body.formLanguage),
    replaces: UUID.test(text(body.replaces)) ? text(body.replaces) : '',
    requested: UUID.test(text(body.requested)) ? text(body.requested) : '',
  };
}

export function signValuesOf(body: Record<string, unknown>): SignValues {
  return {
    way: text(body.way),
    signature: text(body.signature),
    typedName: text(body.typedName).slice(0, 200),
    typedConfirm: body.typedConfirm === 'yes',
  };
}

// The method the consent service stores for each way of answering. A consent only asked
// for or refused records the paper form it was offered on.
const METHOD: Record<SignWay, ConsentMethod> = {
  signature_on_screen: 'signature_on_screen',
  typed_name: 'electronic',
  signed_paper: 'signed_paper',
  requested: 'signed_paper',
  refused: 'signed_paper',
};

export function methodOf(way: SignWay): ConsentMethod {
  return METHOD[way];
}

/** The stored scope of a consent, for answering a request with exactly that scope. */
export function scopeValuesOfConsent(consent: ConsentView): ScopeValues {
  return {
    organisationIds: consent.organisationIds,
    organisationKinds: consent.organisationKinds,
    sections: consent.sections,
    purpose: consent.purpose,
    validFrom: consent.validFrom,
    validUntil: consent.validUntil,
    formLanguage: consent.formLanguage,
    replaces: '',
    requested: consent.id,
  };
}

export function consentInputOf(scope: ScopeValues, way: SignWay = 'signed_paper'): ConsentInput {
  return {
    organisationIds: scope.organisationIds,
    organisationKinds: scope.organisationKinds,
    sections: scope.sections,
    purpose: scope.purpose,
    validFrom: scope.validFrom,
    validUntil: scope.validUntil,
    formVersion: CURRENT_CONSENT_FORM_VERSION,
    formLanguage: scope.formLanguage,
    method: METHOD[way],
  };
}

const signError = (field: string, code: string): FieldError => ({
  field,
  code,
  messageKey: `consentWizard.fieldErrors.${code}`,
});

/**
 * Step 2's own checks (the evidence's type and size are the consent service's). Returns
 * the way and the evidence bytes to store, or the field errors. An answer to an earlier
 * request is given or refused; it cannot be "asked for" again.
 */
export function checkSignStep(
  values: SignValues,
  file: Buffer | undefined,
  options: { answering: boolean } = { answering: false },
): { errors: FieldError[]; way?: SignWay; evidence?: Buffer; typedName?: string } {
  const allowed = SIGN_WAYS.filter((w) => !(options.answering && w === 'requested'));
  if (!(allowed as readonly string[]).includes(values.way)) {
    return { errors: [signError('way', 'wayRequired')] };
  }
  const way = values.way as SignWay;
  if (way === 'signature_on_screen') {
    const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(values.signature);
    if (!match) return { errors: [signError('signature', 'signatureMissing')] };
    return { errors: [], way, evidence: Buffer.from(match[1], 'base64') };
  }
  if (way === 'typed_name') {
    const errors: FieldError[] = [];
    const typedName = values.typedName.trim();
    if (!typedName) errors.push(signError('typedName', 'typedNameRequired'));
    if (!values.typedConfirm) errors.push(signError('typedConfirm', 'confirmRequired'));
    return errors.length ? { errors } : { errors, way, typedName };
  }
  if (way === 'signed_paper') {
    // An empty buffer makes the service answer "attach a file" as a field error.
    return { errors: [], way, evidence: file ?? Buffer.alloc(0) };
  }
  return { errors: [], way };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
