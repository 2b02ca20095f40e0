import type { Actor } from '@crm/event-sourcing';

/** The bearer token's claims (architecture §7): `sub`, `name`, `bu`, `roles`. */
export interface TokenClaims {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly bu?: string;
  readonly name?: string;
}

/** An authenticated caller: the Actor recorded on events plus every role the token grants. */
export interface Principal {
  readonly actor: Actor;
  readonly roles: readonly string[];
}

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

const optionalString = (value: unknown, claim: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length === 0)
    throw new InvalidTokenError(`claim '${claim}' must be a string`);
  return value;
};

const rolesFrom = (value: unknown): string[] => {
  // Some identity providers emit a space- or comma-separated string instead of an array.
  const list = typeof value === 'string' ? value.split(/[\s,]+/) : value;
  if (!Array.isArray(list) || !list.every((r): r is string => typeof r === 'string')) {
    throw new InvalidTokenError("claim 'roles' must be a list of strings");
  }
  const roles = list.map((r) => r.trim()).filter((r) => r.length > 0);
  if (roles.length === 0) throw new InvalidTokenError("claim 'roles' must name at least one role");
  return roles;
};

/** Checks the claims' shape; the signature has been verified already. */
export const principalFromClaims = (payload: Readonly<Record<string, unknown>>): Principal => {
  const sub = optionalString(payload['sub'], 'sub');
  if (sub === undefined) throw new InvalidTokenError("claim 'sub' is required");
  const roles = rolesFrom(payload['roles']);
  const bu = optionalString(payload['bu'], 'bu');
  const name = optionalString(payload['name'], 'name');
  const actor = {
    id: sub,
    role: roles[0] as string,
    ...(bu !== undefined ? { bu } : {}),
    ...(name !== undefined ? { name } : {}),
  };
  return { actor, roles };
};
