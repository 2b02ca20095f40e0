import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';

export interface InvitationTarget {
  readonly jointEventId: string;
  readonly customerId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** The two path ids in the route's OpenAPI description, next to the checks that enforce them. */
const declarePathIds: ParameterDecorator = (target, key) => {
  const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (key === undefined || descriptor === undefined) return;
  ApiParam({ name: 'jointEventId', schema: { type: 'string', format: 'uuid' } })(target, key, descriptor);
  ApiParam({
    name: 'customerId',
    schema: { type: 'string', pattern: ID.source },
    description: 'Letters, digits, - or _',
  })(target, key, descriptor);
};

/**
 * `/joint-events/:jointEventId/customers/:customerId/…`: both path ids, checked (400 problem+json
 * when malformed) so every per-customer route does not repeat two validating `@Param`s.
 */
export const Target = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): InvitationTarget => {
    const { jointEventId = '', customerId = '' } = ctx
      .switchToHttp()
      .getRequest<{ params: Record<string, string | undefined> }>().params;
    if (!UUID.test(jointEventId)) throw new BadRequestException('jointEventId must be a UUID');
    if (!ID.test(customerId)) throw new BadRequestException('customerId must be letters, digits, - or _');
    return { jointEventId, customerId };
  },
  [declarePathIds],
);
