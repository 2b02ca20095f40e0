export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The same event id was appended before with different content or to another stream. */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly eventId: string,
    detail: string,
  ) {
    super(`event ${eventId}: ${detail}`);
    this.name = 'DuplicateEventIdError';
  }
}
