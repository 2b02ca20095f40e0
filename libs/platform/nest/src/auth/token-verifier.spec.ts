import { KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mintToken } from './mint-token';
import { InvalidTokenError } from './principal';
import { TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789abcdef';
const verifier = new TokenVerifier({ secret: SECRET });

const reason = async (token: string, v = verifier): Promise<string> => {
  try {
    await v.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.message;
    throw error;
  }
  throw new Error('token was accepted');
};

describe('TokenVerifier (HS256)', () => {
  it('turns sub, name, bu and roles into an Actor acting in its first role', async () => {
    const token = await mintToken(
      { sub: 'u1', name: 'Li Lei', bu: 'bu-1', roles: ['staff', 'bu_manager'] },
      SECRET,
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      actor: { id: 'u1', role: 'staff', bu: 'bu-1', name: 'Li Lei' },
      roles: ['staff', 'bu_manager'],
    });
  });

  it('refuses a token signed with another secret, an expired one and garbage', async () => {
    expect(await reason(await mintToken({ sub: 'u1', roles: ['staff'] }, 'another-secret-0123456789'))).toBe(
      'bad signature',
    );
    expect(await reason(await mintToken({ sub: 'u1', roles: ['staff'] }, SECRET, -60))).toBe('token expired');
    expect(await reason('not.a.token')).toBe('malformed token');
  });

  it('refuses tokens without roles, without sub or without expiry', async () => {
    const key = new TextEncoder().encode(SECRET);
    const sign = (payload: Record<string, unknown>, sub?: string, exp = true): Promise<string> => {
      let jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256' });
      if (sub !== undefined) jwt = jwt.setSubject(sub);
      if (exp) jwt = jwt.setExpirationTime('1h');
      return jwt.sign(key);
    };
    expect(await reason(await sign({ roles: [] }, 'u1'))).toMatch(/roles/);
    expect(await reason(await sign({ roles: [1, 2] }, 'u1'))).toMatch(/roles/);
    expect(await reason(await sign({ roles: ['staff'] }))).toMatch(/sub/);
    expect(await reason(await sign({ roles: ['staff'] }, 'u1', false))).toMatch(/exp/);
    expect(await reason(await sign({ roles: ['staff'], bu: 42 }, 'u1'))).toMatch(/bu/);
  });

  it('refuses an asymmetric token when configured for HS256 (no algorithm confusion)', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('u1')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await reason(token)).toBe('algorithm not allowed');
  });

  it('accepts comma-separated roles from identity providers that emit a string', async () => {
    const token = await new SignJWT({ roles: 'auditor, admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u9')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await verifier.verify(token)).roles).toEqual(['auditor', 'admin']);
  });

  it('needs a secret or a JWKS URL', () => {
    expect(() => new TokenVerifier({})).toThrow(/JWT_SECRET or JWT_JWKS_URL/);
  });
});

describe('TokenVerifier (JWKS)', () => {
  let server: Server;
  let url: string;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('verifies RS256 tokens against the remote key set and refuses HS256 ones', async () => {
    const jwks = new TokenVerifier({ jwksUrl: url, secret: SECRET });
    const token = await new SignJWT({ roles: ['auditor'], bu: 'bu-2' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('u7')
      .setExpirationTime('1h')
      .sign(privateKey);
    await expect(jwks.verify(token)).resolves.toEqual({
      actor: { id: 'u7', role: 'auditor', bu: 'bu-2' },
      roles: ['auditor'],
    });
    // The shared secret must not be accepted once a JWKS is configured.
    expect(await reason(await mintToken({ sub: 'u1', roles: ['admin'] }, SECRET), jwks)).toBe(
      'algorithm not allowed',
    );
  });
});
