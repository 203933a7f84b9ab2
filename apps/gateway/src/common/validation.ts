import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { Problems, type FieldViolation } from './problem';

function violations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...violations(error.children ?? [], field)];
  });
}

/** Strict DTO validation: unknown fields are rejected and every violation is listed. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => Problems.validation(violations(errors)),
  });
}
