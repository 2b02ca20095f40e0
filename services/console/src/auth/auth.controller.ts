import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console.config';
import { SessionStore } from '../session/session-store';
import { clearedSessionCookie, sessionCookie } from '../session/session-cookie';
import { sessionOf } from '../session/request-session';
import { ConsoleAuth } from './console-auth';
import { DevSignInDto } from './dev-sign-in.dto';
import { ROLES } from './roles';
import { sessionView } from './session-view';

/** Development sign-in (refused in production) and sign-out. */
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly auth: ConsoleAuth,
    private readonly sessions: SessionStore,
  ) {}

  private cookie() {
    return { secure: this.config.isProduction() };
  }

  /** Which sign-in this console offers; the page asks before drawing itself. */
  @Get('mode')
  mode() {
    return { mode: this.config.isProduction() ? 'oidc' : this.config.AUTH_MODE };
  }

  @Get('people')
  async people() {
    const choices = await this.auth.signInChoices();
    return { ...choices, roles: ROLES };
  }

  @Post('dev-sign-in')
  @HttpCode(200)
  async devSignIn(
    @Body() body: DevSignInDto,
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const previous = sessionOf(request);
    if (previous !== undefined) this.sessions.destroy(previous.id);
    const session = await this.auth.devSignIn(body.employeeId, body.roles);
    response.setHeader(
      'Set-Cookie',
      sessionCookie(session.id, this.config.SESSION_ABSOLUTE_MINUTES * 60, this.cookie()),
    );
    return sessionView(session);
  }

  @Post('sign-out')
  @HttpCode(204)
  signOut(@Req() request: IncomingMessage, @Res({ passthrough: true }) response: ServerResponse): void {
    const session = sessionOf(request);
    if (session !== undefined) this.sessions.destroy(session.id);
    response.setHeader('Set-Cookie', clearedSessionCookie(this.cookie()));
  }
}
