import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ProblemDetailsFilter, createValidationPipe, loggerParams } from '@crm/nest';
import { AuthController } from './auth/auth.controller';
import { ConsoleAuth } from './auth/console-auth';
import { SessionController } from './auth/session.controller';
import { StaffDirectoryClient } from './auth/staff-directory.client';
import { CONSOLE_CONFIG, ConsoleConfig } from './config/console.config';
import { HealthController } from './health.controller';
import { InboxController } from './inbox/inbox.controller';
import { OidcController } from './auth/oidc.controller';
import { OidcSignIn } from './auth/oidc-sign-in';
import { SessionStore } from './session/session-store';

/** The console's BFF: sign-in, session, inbox federation; the proxy and static files are Express middleware (main.ts). */
export const consoleModule = (config: ConsoleConfig) => {
  const sessions = new SessionStore({
    idleMs: config.SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: config.SESSION_ABSOLUTE_MINUTES * 60_000,
  });
  const directory = new StaffDirectoryClient(config);
  const auth = new ConsoleAuth(config, sessions, directory);
  const oidc = new OidcSignIn(config, sessions, directory);

  @Module({
    imports: [LoggerModule.forRoot(loggerParams('console', config.LOG_LEVEL))],
    controllers: [AuthController, OidcController, SessionController, InboxController, HealthController],
    providers: [
      { provide: CONSOLE_CONFIG, useValue: config },
      { provide: SessionStore, useValue: sessions },
      { provide: StaffDirectoryClient, useValue: directory },
      { provide: ConsoleAuth, useValue: auth },
      { provide: OidcSignIn, useValue: oidc },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: APP_PIPE, useValue: createValidationPipe() },
    ],
  })
  class ConsoleModule {}
  return ConsoleModule;
};
