import { PayloadReader } from './payload-reader';

export type JsonSchema = { readonly [key: string]: unknown };

/** Parses one contract event's `data`; throws ContractViolation naming the field when it does not fit. */
export type ContractParser = (data: unknown) => unknown;

/**
 * A service's published contract: its topic and one parser per event type. The parsers are the one
 * source of truth: consumers run them, and the JSON Schemas and the AsyncAPI document are derived
 * from them by {@link contractSchema}, so no hand-kept schema can drift from what is enforced.
 */
export interface ContractCatalog {
  readonly service: string;
  readonly topic: string;
  readonly title: string;
  readonly parsers: Readonly<Record<string, ContractParser>>;
}

type Field = {
  /** The shape as the strictest accessor read it; null is added on output when optional. */
  schema: Record<string, unknown>;
  required: boolean;
  nested?: SchemaRecorder;
  list?: boolean;
};

const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$';

/**
 * A reader that records what a parser asks for instead of checking a payload: every accessor
 * answers a plausible value (so the parser runs to its end) and notes the field's type, format,
 * bounds and whether it is required.
 */
class SchemaRecorder extends PayloadReader {
  private readonly fields = new Map<string, Field>();

  constructor(eventType: string) {
    super(eventType, {});
  }

  private note(field: string, schema: Record<string, unknown>, required: boolean): void {
    const known = this.fields.get(field);
    // A field read through an optional accessor anywhere is optional: conditional parsers read
    // `optionalText(f)` and then, only when it is there, `oneOf(f, …)`. The stricter shape is kept.
    this.fields.set(field, {
      schema: required || known === undefined ? schema : known.schema,
      required: required && (known === undefined || known.required),
    });
  }

  override text(field: string): string {
    this.note(field, { type: 'string', minLength: 1 }, true);
    return 'x';
  }

  override optionalText(field: string): string | undefined {
    this.note(field, { type: 'string', minLength: 1 }, false);
    return 'x';
  }

  override instant(field: string): string {
    this.note(field, { type: 'string', format: 'date-time', pattern: INSTANT_PATTERN }, true);
    return '2026-01-01T00:00:00.000Z';
  }

  override optionalInstant(field: string): string | undefined {
    this.note(field, { type: 'string', format: 'date-time', pattern: INSTANT_PATTERN }, false);
    return '2026-01-01T00:00:00.000Z';
  }

  override day(field: string): string {
    this.note(field, { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, true);
    return '2026-01-01';
  }

  override integer(field: string, { min = Number.MIN_SAFE_INTEGER } = {}): number {
    this.note(field, { type: 'integer', minimum: min, maximum: Number.MAX_SAFE_INTEGER }, true);
    return Math.max(min, 0);
  }

  override fen(field: string): number {
    this.note(
      field,
      {
        type: 'integer',
        minimum: 0,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'money in fen (1/100 yuan)',
      },
      true,
    );
    return 0;
  }

  override oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    this.note(field, { type: 'string', enum: [...allowed] }, true);
    return allowed[0] as T;
  }

  override textList(field: string): readonly string[] {
    this.note(field, { type: 'array', items: { type: 'string', minLength: 1 } }, true);
    return [];
  }

  override optionalTextList(field: string): readonly string[] | undefined {
    this.note(field, { type: 'array', items: { type: 'string', minLength: 1 } }, false);
    return [];
  }

  override optionalBoolean(field: string): boolean | undefined {
    this.note(field, { type: 'boolean' }, false);
    return false;
  }

  override boolean(field: string): boolean {
    this.note(field, { type: 'boolean' }, true);
    return false;
  }

  override listOf<T extends string>(field: string, allowed: readonly T[]): readonly T[] {
    this.note(field, { type: 'array', items: { type: 'string', enum: [...allowed] } }, true);
    return [];
  }

  override object(field: string): PayloadReader {
    const nested = new SchemaRecorder(field);
    this.fields.set(field, { schema: {}, required: true, nested });
    return nested;
  }

  override objects(field: string): readonly PayloadReader[] {
    // One item is enough: the parser reads every item alike.
    const nested = new SchemaRecorder(field);
    this.fields.set(field, { schema: {}, required: true, nested, list: true });
    return [nested];
  }

  schema(): Record<string, unknown> {
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const [name, field] of this.fields) {
      const nested = field.nested?.schema();
      // The reader takes null for an absent optional field, so the schema must too.
      const own = field.required ? field.schema : { ...field.schema, type: [field.schema['type'], 'null'] };
      properties[name] = nested === undefined ? own : field.list ? { type: 'array', items: nested } : nested;
      if (field.required) required.push(name);
    }
    // Producers may add fields within a contract version (the readers ignore unknown ones).
    return { type: 'object', properties, required, additionalProperties: true };
  }
}

/** The `$id` of an event type's schema; also sent as the CloudEvents `ce_dataschema` header. */
export const contractSchemaId = (topic: string, eventType: string): string =>
  `urn:crm:contracts:${topic}:${eventType}`;

/** The JSON Schema (2020-12) of one event type's `data`, derived by running its parser on a recorder. */
export const contractSchema = (topic: string, eventType: string, parser: ContractParser): JsonSchema => {
  const recorder = new SchemaRecorder(eventType);
  parser(recorder);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: contractSchemaId(topic, eventType),
    title: eventType,
    ...recorder.schema(),
  };
};
