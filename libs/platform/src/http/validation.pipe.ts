import { ValidationPipe } from '@nestjs/common';
import { validationExceptionFactory } from '../errors/validation-errors';

/** Global input validation: unknown properties are refused, types are transformed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: validationExceptionFactory,
  });
}
