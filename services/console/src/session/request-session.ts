import type { IncomingMessage } from 'node:http';
import type { Session } from './session';

const KEY = Symbol('console-session');

type WithSession = IncomingMessage & { [KEY]?: Session };

export const attachSession = (request: IncomingMessage, session: Session | undefined): void => {
  (request as WithSession)[KEY] = session;
};

export const sessionOf = (request: IncomingMessage): Session | undefined => (request as WithSession)[KEY];
