/** One problem with one input field. `code` names the rule; `params` fill its message. */
export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, string | number>;
  /** Set when the message is already final (e.g. a domain rule's own text key). */
  messageKey?: string;
}

export type DomainErrorKind =
  'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unauthorized' | 'too_many_requests';

/**
 * An error the domain raises on purpose. Services throw these; the global filter maps the
 * kind to an HTTP status and translates the message, so services never speak HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly fieldErrors: FieldError[] = [],
    readonly messageParams: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }

  static validation(fieldErrors: FieldError[]): DomainError {
    return new DomainError('validation', 'validation_failed', fieldErrors);
  }

  static notFound(code = 'not_found'): DomainError {
    return new DomainError('not_found', code);
  }

  static conflict(code = 'conflict'): DomainError {
    return new DomainError('conflict', code);
  }
}
