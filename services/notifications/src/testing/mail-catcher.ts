import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = {
  readonly from: string;
  readonly to: readonly string[];
  /** The raw message (headers and body) as the server received it. */
  readonly raw: string;
  readonly receivedAt: string;
};

export interface MailCatcher {
  readonly smtpPort: number;
  readonly mails: CaughtMail[];
  /** While true, every message is refused with a temporary error (a mail server outage). */
  refusing: boolean;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) that keeps every message in memory: for tests and
 * local runs, never production. No TLS, no authentication.
 */
export const startMailCatcher = async (port = 0): Promise<MailCatcher> => {
  const mails: CaughtMail[] = [];
  const catcher = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (catcher.refusing) {
          const error = Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: 451 });
          callback(error);
          return;
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date().toISOString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return Object.assign(catcher, {
    smtpPort: address.port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
};

/** `GET /messages[?to=]`: what the catcher received (the browser tests read it), `GET /health`. */
export const serveCaughtMail = async (catcher: MailCatcher, port: number): Promise<Server> => {
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.setHeader('content-type', 'application/json');
    if (url.pathname === '/health') {
      response.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (url.pathname !== '/messages') {
      response.statusCode = 404;
      response.end('{}');
      return;
    }
    const to = url.searchParams.get('to');
    response.end(JSON.stringify(catcher.mails.filter((m) => to === null || m.to.includes(to))));
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', () => resolve()));
  return http;
};
