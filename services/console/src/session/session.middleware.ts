import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem, sendProblem } from '@crm/nest';
import type { ConsoleAuth } from '../auth/console-auth';
import type { SessionStore } from './session-store';
import { type CookieOptions, clearedSessionCookie, readCookie, sessionCookieName } from './session-cookie';
import { attachSession } from './request-session';
import { crossSiteReason, csrfTokenMatches } from './csrf';

/** Sign-in itself has no session yet; it is protected by the cross-site check alone. */
const NO_CSRF_TOKEN_PATHS = ['/api/auth/dev-sign-in', '/api/auth/sign-out'];

/**
 * For every /api request: refuse cross-site writes, load the session from the cookie, end it when
 * the person has left the company, and require the CSRF token on unsafe methods.
 */
export const sessionMiddleware =
  (store: SessionStore, auth: ConsoleAuth, cookie: CookieOptions) =>
  (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void => {
    const path = ((request as { originalUrl?: string }).originalUrl ?? request.url ?? '').split('?')[0] ?? '';
    const crossSite = crossSiteReason(request);
    if (crossSite !== undefined) {
      sendProblem(response, {
        ...problem(403, 'console.cross_site', `cross-site request refused: ${crossSite}`),
        instance: path,
      });
      return;
    }
    const session = store.get(readCookie(request, sessionCookieName(cookie)));
    if (session === undefined) {
      attachSession(request, undefined);
      next();
      return;
    }
    auth
      .stillEmployed(session)
      .then((employed) => {
        if (!employed) {
          response.setHeader('Set-Cookie', clearedSessionCookie(cookie));
          sendProblem(response, {
            ...problem(
              401,
              'console.person_left',
              'your session ended: you are no longer in the staff directory',
            ),
            instance: path,
          });
          return;
        }
        if (!NO_CSRF_TOKEN_PATHS.includes(path) && !csrfTokenMatches(request, session)) {
          sendProblem(response, {
            ...problem(403, 'console.csrf', 'missing or wrong X-CSRF-Token; reload the page'),
            instance: path,
          });
          return;
        }
        attachSession(request, session);
        next();
      })
      .catch(next);
  };
