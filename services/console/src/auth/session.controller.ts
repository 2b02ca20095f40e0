import { Controller, Get, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ProblemException } from '@crm/nest';
import { sessionOf } from '../session/request-session';
import { sessionView } from './session-view';

@Controller('api/session')
export class SessionController {
  @Get()
  current(@Req() request: IncomingMessage) {
    const session = sessionOf(request);
    if (session === undefined) throw new ProblemException(401, 'console.signed_out', 'sign in first');
    return sessionView(session);
  }
}
