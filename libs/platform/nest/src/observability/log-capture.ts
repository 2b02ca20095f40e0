import type { DestinationStream } from 'pino';

/**
 * A log destination that keeps every line in memory, for tests that assert what a service logged
 * (e.g. that no personal data reached the logs). Pass it as `logDestination` of the service module.
 */
export class LogCapture implements DestinationStream {
  private readonly lines: string[] = [];

  write(line: string): void {
    this.lines.push(line);
  }

  /** Everything logged so far, one JSON line per entry. */
  text(): string {
    return this.lines.join('');
  }

  get count(): number {
    return this.lines.length;
  }
}
