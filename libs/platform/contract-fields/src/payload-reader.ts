/**
 * Thrown when a received payload does not match its contract. Consumers let it reach their
 * dead-letter handling: a malformed message is parked, never half-applied.
 */
export class ContractViolation extends Error {
  constructor(
    readonly eventType: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${eventType}: ${field} ${problem}`);
    this.name = 'ContractViolation';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Date.parse alone accepts strings such as 'x-1'; an instant must carry its date, time and zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads one contract payload field by field. Unknown extra fields are ignored (producers may add
 * fields within a contract version); a missing or malformed known field names itself.
 */
export class PayloadReader {
  private readonly obj: Record<string, unknown>;

  constructor(
    private readonly eventType: string,
    data: unknown,
  ) {
    if (!isRecord(data)) throw new ContractViolation(eventType, 'data', 'must be an object');
    this.obj = data;
  }

  private fail(field: string, problem: string): never {
    throw new ContractViolation(this.eventType, field, problem);
  }

  text(field: string): string {
    const value = this.obj[field];
    if (typeof value !== 'string' || value.length === 0) this.fail(field, 'must be a non-empty string');
    return value;
  }

  optionalText(field: string): string | undefined {
    return this.obj[field] === undefined || this.obj[field] === null ? undefined : this.text(field);
  }

  /** An ISO-8601 instant, returned as sent. */
  instant(field: string): string {
    const value = this.text(field);
    if (!INSTANT.test(value) || Number.isNaN(Date.parse(value)))
      this.fail(field, 'must be an ISO-8601 instant');
    return value;
  }

  optionalInstant(field: string): string | undefined {
    return this.obj[field] === undefined || this.obj[field] === null ? undefined : this.instant(field);
  }

  /** A calendar day `YYYY-MM-DD` (business days are Asia/Shanghai days, not UTC instants). */
  day(field: string): string {
    const value = this.text(field);
    if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      this.fail(field, 'must be a day YYYY-MM-DD');
    }
    return value;
  }

  integer(field: string, { min = Number.MIN_SAFE_INTEGER } = {}): number {
    const value = this.obj[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.fail(field, `must be an integer ≥ ${min}`);
    }
    return value;
  }

  /** Money in integer fen, never negative. */
  fen(field: string): number {
    return this.integer(field, { min: 0 });
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.text(field);
    if (!(allowed as readonly string[]).includes(value))
      this.fail(field, `must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  textList(field: string): readonly string[] {
    const value = this.obj[field];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) {
      this.fail(field, 'must be a list of non-empty strings');
    }
    return value as string[];
  }

  boolean(field: string): boolean {
    const value = this.obj[field];
    if (typeof value !== 'boolean') this.fail(field, 'must be true or false');
    return value;
  }

  /** A list whose every item is one of `allowed` (possibly empty). */
  listOf<T extends string>(field: string, allowed: readonly T[]): readonly T[] {
    const value = this.obj[field];
    if (!Array.isArray(value) || value.some((v) => !(allowed as readonly unknown[]).includes(v))) {
      this.fail(field, `must be a list of ${allowed.join(', ')}`);
    }
    return value as T[];
  }

  /** A nested object, read with its own reader (field paths are reported as `outer.inner`). */
  object(field: string): PayloadReader {
    const value = this.obj[field];
    if (!isRecord(value)) this.fail(field, 'must be an object');
    return new PayloadReader(`${this.eventType}: ${field}`, value);
  }
}

/**
 * Starts reading `data` as the payload of `eventType`. A reader passed as `data` is used as it is:
 * that is how {@link contractSchema} runs a parser against a recording reader to derive its schema.
 */
export const readPayload = (eventType: string, data: unknown): PayloadReader =>
  data instanceof PayloadReader ? data : new PayloadReader(eventType, data);
