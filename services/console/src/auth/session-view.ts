import type { Session } from '../session/session';

/** What the web app learns about its session: the person and the CSRF token, never the bearer token. */
export const sessionView = (session: Session) => ({
  person: session.person,
  csrfToken: session.csrfToken,
  expiresAt: new Date(session.expiresAt).toISOString(),
});
