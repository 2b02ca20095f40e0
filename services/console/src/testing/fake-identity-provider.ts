import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface IdentityProviderUser {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly bu?: string;
}

interface Grant {
  readonly user: IdentityProviderUser;
  readonly challenge: string;
  readonly nonce: string;
  readonly redirectUri: string;
}

const body = (request: IncomingMessage): Promise<URLSearchParams> =>
  new Promise((done) => {
    let text = '';
    request.on('data', (c: Buffer) => (text += c.toString()));
    request.on('end', () => done(new URLSearchParams(text)));
  });

/**
 * A minimal OpenID Connect provider for tests (a protocol peer, like the real broker and database):
 * discovery, JWKS, an authorization endpoint that signs in `nextUser` at once, and a token endpoint
 * that checks the PKCE verifier and issues RS256 ID and access tokens.
 */
export const startFakeIdentityProvider = async (clientId: string) => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const seen: { authorize: URLSearchParams[] } = { authorize: [] };
  let nextUser: IdentityProviderUser | undefined;
  let issuer = '';

  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    } else if (url.pathname === '/jwks') {
      json(200, { keys: [jwk] });
    } else if (url.pathname === '/authorize') {
      seen.authorize.push(url.searchParams);
      const user = nextUser;
      if (user === undefined || url.searchParams.get('client_id') !== clientId)
        return json(400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('hex');
      grants.set(code, {
        user,
        challenge: url.searchParams.get('code_challenge') ?? '',
        nonce: url.searchParams.get('nonce') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
      });
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      back.searchParams.set('iss', issuer);
      response.writeHead(302, { location: back.href });
      response.end();
    } else if (url.pathname === '/token' && request.method === 'POST') {
      void body(request).then(async (form) => {
        const code = form.get('code') ?? '';
        const grant = grants.get(code);
        grants.delete(code);
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.challenge !== challenge || grant.redirectUri !== form.get('redirect_uri')) {
          return json(400, { error: 'invalid_grant' });
        }
        const { sub, name, roles, bu } = grant.user;
        const claims = { sub, name, roles: [...roles], ...(bu ? { bu } : {}) };
        json(200, {
          token_type: 'Bearer',
          expires_in: 3600,
          access_token: await sign(claims, 'crm-services'),
          id_token: await sign({ ...claims, nonce: grant.nonce }, clientId),
        });
      });
    } else {
      json(404, { error: 'not_found' });
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    seen,
    signInNext: (user: IdentityProviderUser) => {
      nextUser = user;
    },
    /** An access token as the provider would issue it (for seeding through the services' APIs). */
    accessToken: (user: IdentityProviderUser) =>
      sign(
        { sub: user.sub, name: user.name, roles: [...user.roles], ...(user.bu ? { bu: user.bu } : {}) },
        'crm-services',
      ),
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
};
