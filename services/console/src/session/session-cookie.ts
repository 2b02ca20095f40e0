import type { IncomingMessage } from 'node:http';

export interface CookieOptions {
  readonly secure: boolean;
}

/** `__Host-` binds the cookie to this host and path `/`, but browsers accept it only with Secure. */
export const sessionCookieName = (options: CookieOptions): string =>
  options.secure ? '__Host-console_sid' : 'console_sid';

export const readCookie = (request: IncomingMessage, name: string): string | undefined => {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
};

/** httpOnly and SameSite=Strict: the browser's scripts never see it and no other site can send it. */
export const sessionCookie = (value: string, maxAgeSeconds: number, options: CookieOptions): string =>
  [
    `${sessionCookieName(options)}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');

export const clearedSessionCookie = (options: CookieOptions): string => sessionCookie('', 0, options);
