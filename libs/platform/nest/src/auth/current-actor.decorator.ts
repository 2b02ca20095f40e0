import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Actor } from '@crm/event-sourcing';
import type { PlatformRequest } from './platform-request';

export const actorOf = (request: PlatformRequest): Actor => {
  if (request.actor === undefined) {
    // Only reachable on a @Public() route: a programming error, not a client error.
    throw new Error('no authenticated actor on this request (is the route @Public()?)');
  }
  return request.actor;
};

/** The authenticated Actor; its `role` is the role that satisfied `@Roles` (else the first granted). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor =>
  actorOf(ctx.switchToHttp().getRequest<PlatformRequest>()),
);

/** Every role the bearer token grants. */
export const CurrentRoles = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): readonly string[] =>
    ctx.switchToHttp().getRequest<PlatformRequest>().roles ?? [],
);
