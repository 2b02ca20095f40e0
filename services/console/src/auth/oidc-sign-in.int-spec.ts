import { dlqTopicFor, ensureTopics } from '@crm/messaging';
import {
  eventually,
  freePort,
  startE2eEnvironment,
  startServiceProcess,
  type E2eEnvironment,
  type ServiceProcess,
} from '@crm/testing';
import { startFakeIdentityProvider } from '../testing/fake-identity-provider';

jest.setTimeout(180_000);

const CLIENT_ID = 'crm-console';
const admin = { sub: 'oidc-admin', name: '管理员', roles: ['admin'] };
const employee = { sub: 'oidc-e-1', name: '王芳', roles: ['staff'], bu: 'bu-oidc' };

/** Follows nothing: each hop is checked, cookies carried by hand like a browser would. */
const get = (url: string, cookie?: string) =>
  fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });

const cookiesOf = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c.endsWith('='))
    .join('; ');

describe('production sign-in: OpenID Connect code flow with PKCE against an identity provider', () => {
  let idp: Awaited<ReturnType<typeof startFakeIdentityProvider>>;
  let e2e: E2eEnvironment;
  let customers: ServiceProcess;
  let consoleProcess: ServiceProcess;
  let base: string;

  beforeAll(async () => {
    idp = await startFakeIdentityProvider(CLIENT_ID);
    e2e = await startE2eEnvironment({
      jwtSecret: 'unused-console-oidc-secret-0123456789',
      tokens: {},
      consumerGroupsOf: (_service, schema) => [`${schema}.inbound-facts`],
      messaging: { ensureTopics, dlqTopicFor },
    });
    // The service verifies the identity provider's tokens through its JWKS, as in production.
    customers = await e2e.start('customers', {
      JWT_JWKS_URL: idp.jwksUrl,
      PII_HMAC_SECRET: `oidc-hmac-${e2e.suffix}-0123456789abcdef`,
    });
    const adminToken = await idp.accessToken(admin);
    const post = (path: string, body: object) =>
      fetch(`${customers.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/staff/business-units', { buId: 'bu-oidc', name: '测试事业部' })).status).toBe(201);
    expect(
      (await post('/staff', { employeeId: employee.sub, bu: 'bu-oidc', displayName: employee.name })).status,
    ).toBe(201);
    await eventually(async () => {
      const response = await fetch(`${customers.baseUrl}/staff`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      const staff = (await response.json()) as { employeeId: string }[];
      return staff.some((s) => s.employeeId === employee.sub) ? true : undefined;
    }, 'the employee in the staff directory');

    // The console as its own process, as it runs in production (openid-client is an ES module).
    const port = await freePort();
    consoleProcess = await startServiceProcess(
      'console',
      {
        NODE_ENV: 'test',
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: 'console-client-secret',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        CUSTOMERS_URL: customers.baseUrl,
        LOG_LEVEL: 'warn',
        WEB_DIST: '/nonexistent',
      },
      { port },
    );
    base = consoleProcess.baseUrl;
  });

  afterAll(async () => {
    await consoleProcess?.stop();
    await e2e?.close();
    await idp?.stop();
  });

  const signIn = async (redirect: string) => {
    const start = await get(`${base}/api/auth/oidc/start?redirect=${encodeURIComponent(redirect)}`);
    expect(start.status).toBe(302);
    const attemptCookie = cookiesOf(start);
    const authorize = await get(start.headers.get('location') ?? '');
    expect(authorize.status).toBe(302);
    const callback = await get(authorize.headers.get('location') ?? '', attemptCookie);
    return { attemptCookie, callbackUrl: authorize.headers.get('location') ?? '', callback };
  };

  it('signs a directory employee in with the roles and BU of the provider, and the services accept the token', async () => {
    idp.signInNext(employee);
    const { callback } = await signIn('/customers');
    expect(callback.status).toBe(200);
    expect(await callback.text()).toContain('url=/customers');
    const params = idp.seen.authorize.at(-1);
    expect(params?.get('code_challenge_method')).toBe('S256');
    expect(params?.get('code_challenge')?.length).toBeGreaterThan(40);

    const sessionCookie = cookiesOf(callback);
    expect(callback.headers.getSetCookie().join(' ')).toMatch(
      /console_sid=[^;]+; Path=\/; HttpOnly; SameSite=Strict/,
    );
    const session = (await (await get(`${base}/api/session`, sessionCookie)).json()) as { person: unknown };
    expect(session.person).toEqual({
      employeeId: employee.sub,
      name: employee.name,
      bu: 'bu-oidc',
      roles: ['staff'],
    });
    const proxied = await get(`${base}/api/customers/customers`, sessionCookie);
    expect(proxied.status).toBe(200);
  });

  it('refuses a callback replayed with the same attempt (state and code are single-use)', async () => {
    idp.signInNext(employee);
    const { attemptCookie, callbackUrl, callback } = await signIn('/');
    expect(callback.status).toBe(200);
    const replay = await get(callbackUrl, attemptCookie);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { code: string }).code).toBe('console.oidc_attempt_unknown');
  });

  it('refuses someone the provider knows but the staff directory does not', async () => {
    idp.signInNext({ sub: 'oidc-stranger', name: '陌生人', roles: ['staff'], bu: 'bu-oidc' });
    const { callback } = await signIn('/');
    expect(callback.status).toBe(403);
    expect(((await callback.json()) as { code: string }).code).toBe('console.unknown_person');
  });

  it('offers no development sign-in when the console runs with OIDC', async () => {
    const people = await get(`${base}/api/auth/people`);
    expect(people.status).toBe(404);
    expect(((await (await get(`${base}/api/auth/mode`)).json()) as { mode: string }).mode).toBe('oidc');
  });
});
