import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../errors/problem-details';
import type { PlatformRequest } from './platform-request';
import { REQUIRED_ROLES } from './roles.decorator';

/**
 * Global guard after JwtAuthGuard: enforces `@Roles(...)`. The actor's `role` becomes the role that
 * granted access, so events record the capacity in which the actor acted.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required === undefined || required.length === 0) return true;
    const request = context.switchToHttp().getRequest<PlatformRequest>();
    if (request.actor === undefined) {
      throw new ProblemException(
        401,
        'missing_token',
        'A bearer token is required (Authorization: Bearer <token>).',
      );
    }
    const granted = request.roles ?? [request.actor.role];
    const role = required.find((r) => granted.includes(r));
    if (role === undefined) {
      throw new ProblemException(
        403,
        'forbidden_role',
        `This action requires one of the roles: ${required.join(', ')}.`,
        {
          requiredRoles: required,
        },
      );
    }
    request.actor = { ...request.actor, role };
    return true;
  }
}
