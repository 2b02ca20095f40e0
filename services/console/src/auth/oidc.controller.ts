import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console.config';
import { readCookie, sessionCookie } from '../session/session-cookie';
import { OidcSignIn } from './oidc-sign-in';

const ATTEMPT_COOKIE = 'console_oidc';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** OpenID Connect: /start sends the browser to the identity provider, /callback comes back with a code. */
@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly oidc: OidcSignIn,
  ) {}

  private secure(): string {
    return this.config.isProduction() ? '; Secure' : '';
  }

  @Get('start')
  async start(
    @Query('redirect') redirect: string | undefined,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const { url, attempt } = await this.oidc.start(redirect ?? '/');
    // Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it.
    response.setHeader(
      'Set-Cookie',
      `${ATTEMPT_COOKIE}=${attempt}; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=600${this.secure()}`,
    );
    response.statusCode = 302;
    response.setHeader('Location', url);
    response.end();
  }

  @Get('callback')
  async callback(
    @Req() request: IncomingMessage & { originalUrl?: string },
    @Res() response: ServerResponse,
  ): Promise<void> {
    const base = (this.config.PUBLIC_URL ?? '').replace(/\/+$/, '');
    const callbackUrl = new URL(`${base}${request.originalUrl ?? request.url ?? ''}`);
    const { session, redirect } = await this.oidc.finish(callbackUrl, readCookie(request, ATTEMPT_COOKIE));
    response.setHeader('Set-Cookie', [
      sessionCookie(session.id, Math.max(1, Math.floor((session.expiresAt - Date.now()) / 1000)), {
        secure: this.config.isProduction(),
      }),
      `${ATTEMPT_COOKIE}=; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0${this.secure()}`,
    ]);
    // A same-site page moves on: a SameSite=Strict cookie set during a cross-site redirect chain is
    // not sent on a redirect that continues that chain.
    response.statusCode = 200;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    const target = escapeHtml(redirect);
    response.end(
      `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><a href="${target}">继续 / Continue</a>`,
    );
  }
}
