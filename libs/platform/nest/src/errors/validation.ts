import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem-details';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `address.city` or `items.0.qty`. */
  readonly field: string;
  /** class-validator constraint name → message, e.g. `{ isNotEmpty: 'name should not be empty' }`. */
  readonly constraints: Readonly<Record<string, string>>;
}

export const fieldErrors = (errors: readonly ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own: FieldError[] = error.constraints ? [{ field, constraints: { ...error.constraints } }] : [];
    return [...own, ...fieldErrors(error.children ?? [], `${field}.`)];
  });

export const validationProblem = (errors: readonly ValidationError[]): ProblemException => {
  const list = fieldErrors(errors);
  return new ProblemException(
    400,
    'validation_failed',
    `Invalid fields: ${list.map((e) => e.field).join(', ')}`,
    {
      errors: list,
    },
  );
};

/** Architecture §7: whitelist, refuse unknown fields, transform; failures name each field. */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(errors),
  });
