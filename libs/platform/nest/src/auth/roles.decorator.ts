import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'crm:requiredRoles';

/** The actor needs at least one of these roles (403 otherwise). */
export const Roles = (...roles: string[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);
