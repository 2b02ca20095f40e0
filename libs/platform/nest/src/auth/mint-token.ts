import { SignJWT } from 'jose';
import type { TokenClaims } from './principal';

/** Signs an HS256 token for local runs and tests. `ttl`: seconds or a span such as `'8h'`, `'15m'`. */
export const mintToken = async (
  claims: TokenClaims,
  secret: string,
  ttl: string | number = '8h',
): Promise<string> => {
  const { sub, roles, bu, name } = claims;
  return new SignJWT({
    roles: [...roles],
    ...(bu !== undefined ? { bu } : {}),
    ...(name !== undefined ? { name } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(typeof ttl === 'number' ? Math.floor(Date.now() / 1000) + ttl : ttl)
    .sign(new TextEncoder().encode(secret));
};
