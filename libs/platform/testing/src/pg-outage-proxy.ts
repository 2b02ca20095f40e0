import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

export type ProxyMode = 'up' | 'blackhole' | 'reset';

/**
 * A TCP hop between a pg Pool and the real PostgreSQL that a test can cut: `blackhole` accepts
 * connections and never answers (pool connect timeouts), `reset` drops every open connection and
 * each new one at once ("Connection terminated unexpectedly"). The database itself stays up, so
 * the test can check its state directly while the consumer sees an outage.
 */
export class PgOutageProxy {
  private mode: ProxyMode = 'up';
  private readonly sockets = new Set<Socket>();
  private server?: Server;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Listens on `port` (default: any free one) and returns the port. */
  async start(port = 0): Promise<number> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    return (server.address() as AddressInfo).port;
  }

  set(mode: ProxyMode): void {
    this.mode = mode;
    if (mode !== 'up') for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.mode === 'reset') return void client.destroy();
    if (this.mode === 'blackhole') return void client.on('data', () => undefined);
    const upstream = new Socket();
    this.track(upstream);
    upstream.connect(this.targetPort, this.targetHost);
    client.pipe(upstream).pipe(client);
    const closeBoth = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }
}
