import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Session } from './session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_HEADER = 'x-csrf-token';

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Where a state-changing request came from, as the browser says it: a cross-site form or script
 * is refused before any token is looked at (Fetch Metadata, then Origin against Host).
 */
export const crossSiteReason = (request: IncomingMessage): string | undefined => {
  if (SAFE_METHODS.has(request.method ?? 'GET')) return undefined;
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site is ${site}`;
  const origin = header(request, 'origin');
  const host = header(request, 'host');
  if (origin !== undefined && host !== undefined) {
    try {
      if (new URL(origin).host !== host) return `Origin ${origin} is not this console`;
    } catch {
      return 'Origin is malformed';
    }
  }
  return undefined;
};

/** The synchronizer token handed out by GET /api/session must come back on every unsafe request. */
export const csrfTokenMatches = (request: IncomingMessage, session: Session): boolean => {
  if (SAFE_METHODS.has(request.method ?? 'GET')) return true;
  const sent = header(request, CSRF_HEADER);
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
};
