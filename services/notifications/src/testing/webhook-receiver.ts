import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = { readonly path: string; readonly body: Record<string, unknown> };

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`; a robot's URL is this plus a path of the test's choosing. */
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Paths answered as a robot that refuses (errcode 45009, rate limited) instead of `errcode: 0`. */
  readonly refusing: Set<string>;
  close(): Promise<void>;
}

/** A local HTTP server standing in for the WeCom and DingTalk group-robot webhooks. */
export const startWebhookReceiver = async (): Promise<WebhookReceiver> => {
  const received: ReceivedWebhook[] = [];
  const refusing = new Set<string>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      response.setHeader('content-type', 'application/json');
      if (refusing.has(path)) {
        response.end(JSON.stringify({ errcode: 45009, errmsg: 'api freq out of limit' }));
        return;
      }
      received.push({
        path,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      response.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    refusing,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
