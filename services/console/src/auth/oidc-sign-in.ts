import * as oidc from 'openid-client';
import { randomBytes } from 'node:crypto';
import { ProblemException } from '@crm/nest';
import type { ConsoleConfig } from '../config/console.config';
import type { Session, SessionPerson } from '../session/session';
import type { SessionStore } from '../session/session-store';
import type { StaffDirectoryClient } from './staff-directory.client';

interface PendingSignIn {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly redirect: string;
  readonly expiresAt: number;
}

const PENDING_MS = 10 * 60_000;

const claimString = (claims: Record<string, unknown>, name: string): string | undefined => {
  const value = claims[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

const claimRoles = (claims: Record<string, unknown>, name: string): string[] => {
  const value = claims[name];
  const list = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  return list.filter((r): r is string => typeof r === 'string' && r.length > 0);
};

/**
 * Production sign-in: OpenID Connect authorization code with PKCE. Roles and BU come from the
 * identity provider's claims; the staff directory still decides whether the person may sign in.
 * The provider's access token is what the services verify (their JWT_JWKS_URL).
 */
export class OidcSignIn {
  private configuration: oidc.Configuration | undefined;
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(
    private readonly config: ConsoleConfig,
    private readonly sessions: SessionStore,
    private readonly directory: StaffDirectoryClient,
    private readonly now: () => number = Date.now,
  ) {}

  private redirectUri(): string {
    return `${(this.config.PUBLIC_URL ?? '').replace(/\/+$/, '')}/api/auth/oidc/callback`;
  }

  private async provider(): Promise<oidc.Configuration> {
    if (this.configuration) return this.configuration;
    const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL } = this.config;
    if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !PUBLIC_URL) {
      throw new ProblemException(
        503,
        'console.oidc_not_configured',
        'OIDC_ISSUER, OIDC_CLIENT_ID and PUBLIC_URL are required',
      );
    }
    const issuer = new URL(OIDC_ISSUER);
    // Plain http only for an identity provider on this machine (tests, local setups).
    const local =
      issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    this.configuration = await oidc.discovery(
      issuer,
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET,
      undefined,
      local ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    return this.configuration;
  }

  /** Where to send the browser, and the id of this attempt (kept in a short-lived cookie). */
  async start(redirect: string): Promise<{ url: string; attempt: string }> {
    const provider = await this.provider();
    const verifier = oidc.randomPKCECodeVerifier();
    const pending: PendingSignIn = {
      verifier,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      redirect: /^\/(?!\/)/.test(redirect) ? redirect : '/',
      expiresAt: this.now() + PENDING_MS,
    };
    const attempt = randomBytes(24).toString('base64url');
    for (const [id, p] of this.pending) if (p.expiresAt < this.now()) this.pending.delete(id);
    this.pending.set(attempt, pending);
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: this.redirectUri(),
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, attempt };
  }

  /** Exchanges the code, checks the person against the staff directory and opens the session. */
  async finish(
    callbackUrl: URL,
    attempt: string | undefined,
  ): Promise<{ session: Session; redirect: string }> {
    const pending = attempt === undefined ? undefined : this.pending.get(attempt);
    if (attempt !== undefined) this.pending.delete(attempt);
    if (pending === undefined || pending.expiresAt < this.now()) {
      throw new ProblemException(
        400,
        'console.oidc_attempt_unknown',
        'the sign-in attempt expired or was not started here; sign in again',
      );
    }
    const provider = await this.provider();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(provider, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new ProblemException(
        401,
        'console.oidc_refused',
        `the identity provider's answer was refused: ${error instanceof Error ? error.message : 'invalid'}`,
      );
    }
    const claims = (tokens.claims() ?? {}) as Record<string, unknown>;
    const employeeId = claimString(claims, 'sub') ?? '';
    const person: SessionPerson = {
      employeeId,
      name: claimString(claims, 'name') ?? employeeId,
      roles: claimRoles(claims, this.config.OIDC_ROLES_CLAIM),
      ...(claimString(claims, this.config.OIDC_BU_CLAIM)
        ? { bu: claimString(claims, this.config.OIDC_BU_CLAIM) }
        : {}),
    };
    if (person.roles.length === 0) {
      throw new ProblemException(
        403,
        'console.no_roles',
        `the identity provider gave ${employeeId} no roles`,
      );
    }
    const found = await this.directory.find(employeeId, tokens.access_token, person.bu);
    if (found === undefined || found.status === 'left') {
      throw new ProblemException(
        403,
        found ? 'console.person_left' : 'console.unknown_person',
        `${employeeId} may not sign in`,
      );
    }
    // Without a refresh, the session ends with the provider's access token (signing in again is one redirect).
    const notAfter = tokens.expires_in ? this.now() + tokens.expires_in * 1000 : undefined;
    return {
      session: this.sessions.create(person, tokens.access_token, notAfter),
      redirect: pending.redirect,
    };
  }
}
