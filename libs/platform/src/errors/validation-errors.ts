import type { ValidationError } from 'class-validator';
import { DomainError, FieldError } from './domain-error';

/**
 * Turns class-validator's nested errors into flat field errors ("actions.0.dueDate"),
 * keeping the constraint name so the filter can translate the message.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, english] of Object.entries(error.constraints ?? {})) {
      out.push({ field, code, params: paramsFrom(code, english, error) });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  return DomainError.validation(toFieldErrors(errors));
}

// class-validator does not expose constraint arguments on the error; recover the
// numbers the messages need from the English text ("must not be less than 10").
function paramsFrom(code: string, english: string, error: ValidationError): FieldError['params'] {
  const numbers = english.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
  const context = (error.contexts?.[code] ?? {}) as Record<string, string | number>;
  switch (code) {
    case 'min':
    case 'minLength':
    case 'arrayMinSize':
      return { min: numbers[0] ?? '', ...context };
    case 'max':
    case 'maxLength':
    case 'arrayMaxSize':
      return { max: numbers[0] ?? '', ...context };
    case 'length':
      return { min: numbers[0] ?? '', max: numbers[1] ?? '', ...context };
    default:
      return context;
  }
}
