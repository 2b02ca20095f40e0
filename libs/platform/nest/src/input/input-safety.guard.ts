import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { PlatformRequest } from '../auth/platform-request';
import { ProblemException } from '../errors/problem-details';
import { storableText } from '@crm/postgres';
import { findUnsafeInput, MAX_INPUT_DEPTH, type UnsafeInput } from './unsafe-input';

const RULES: Readonly<Record<UnsafeInput['reason'], { constraint: string; says: string }>> = {
  NUL: { constraint: 'noNulCharacter', says: 'must not contain the NUL character (\\u0000)' },
  'lone surrogate': {
    constraint: 'wellFormedUnicode',
    says: 'must be well-formed Unicode (it holds a lone UTF-16 surrogate)',
  },
  'too deep': { constraint: 'maxDepth', says: `is nested deeper than ${MAX_INPUT_DEPTH} levels` },
};

const problemFor = (unsafe: UnsafeInput): ProblemException => {
  const field = storableText(unsafe.field, 200);
  const { constraint, says } = RULES[unsafe.reason];
  const subject = field === '' ? `the request ${unsafe.location}` : `${unsafe.location} field '${field}'`;
  return new ProblemException(400, 'validation_failed', `Invalid fields: ${subject} ${says}.`, {
    errors: [{ field, location: unsafe.location, constraints: { [constraint]: `${subject} ${says}` } }],
  });
};

/**
 * Refuses, before anything hashes, validates or stores it, input that no column can hold faithfully
 * (NUL, lone surrogates) and JSON nested deep enough to overflow recursive code (the idempotency
 * hash, class-transformer). A guard rather than a pipe because it must run before the interceptors.
 */
@Injectable()
export class InputSafetyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<PlatformRequest & { query?: unknown }>();
    const unsafe =
      findUnsafeInput(request.params, 'path') ??
      findUnsafeInput(request.query, 'query') ??
      findUnsafeInput(request.body, 'body');
    if (unsafe) throw problemFor(unsafe);
    return true;
  }
}
