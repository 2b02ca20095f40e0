import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { ProblemException } from '../errors/problem-details';
import type { PlatformRequest } from './platform-request';
import { InvalidTokenError } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Global guard: every HTTP route needs a valid bearer token unless it is `@Public()`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const request = context.switchToHttp().getRequest<PlatformRequest>();
    const response = context.switchToHttp().getResponse<ServerResponse>();
    const header = request.headers.authorization;
    if (header === undefined || header.length === 0) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new ProblemException(
        401,
        'missing_token',
        'A bearer token is required (Authorization: Bearer <token>).',
      );
    }
    const token = BEARER.exec(header)?.[1];
    try {
      if (token === undefined) throw new InvalidTokenError('the Authorization header is not a bearer token');
      const principal = await this.verifier.verify(token);
      request.actor = principal.actor;
      request.roles = principal.roles;
      return true;
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new ProblemException(401, 'invalid_token', `The bearer token is invalid: ${error.message}.`);
    }
  }
}
