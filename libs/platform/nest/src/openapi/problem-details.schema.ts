import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** One invalid field of a `validation_failed` problem (see `fieldErrors`). */
@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema {
  @ApiProperty({ example: 'address.city', description: 'Dotted path of the offending field' })
  field!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { isNotEmpty: 'name should not be empty' },
    description: 'Constraint name → message',
  })
  constraints!: Record<string, string>;
}

/**
 * The one error body of every service (RFC 9457 plus the stable `code`), as `ProblemDetails`
 * and `validationProblem` build it. Extensions beyond the listed ones name the facts of a refusal.
 */
@ApiSchema({ name: 'ProblemDetails', description: 'RFC 9457 problem details with a stable `code`' })
export class ProblemDetailsSchema {
  @ApiProperty({ example: 'urn:crm:problem:validation_failed' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'Invalid fields: name' })
  detail!: string;

  @ApiProperty({
    example: 'validation_failed',
    description: 'Stable machine-readable code clients branch on',
  })
  code!: string;

  @ApiPropertyOptional({ example: '/customers', description: 'The request path of this occurrence' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Quote it when reporting the error' })
  correlationId?: string;

  @ApiPropertyOptional({ example: 'ARC-20', description: 'The business rule that refused' })
  rule?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Facts of the refusal, e.g. the customer who holds a mobile number',
  })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'Every invalid field (`validation_failed`)' })
  errors?: FieldErrorSchema[];
}
