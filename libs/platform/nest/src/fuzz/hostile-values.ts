/** Stands for a raw JSON fragment that JSON.stringify cannot produce (deep nesting, huge numbers). */
export class RawJson {
  constructor(readonly text: string) {}
}

export const deeplyNested = (depth: number): RawJson =>
  new RawJson(`${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`);

/** Strings that break naive handling: NUL, lone surrogates, huge, unicode, numbers-as-text, paths. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  'x'.repeat(100_000),
  '😀'.repeat(2_000),
  '王小明'.repeat(300),
  '\u202Eevil\u200B',
  '-1',
  '1e309',
  'NaN',
  'null',
  '{}',
  "'; drop table x; --",
  '../../etc/passwd',
  '%00',
  '9'.repeat(400),
  '2026-02-30T25:61:00Z',
  '0000-00-00',
];

/** JSON values of every other type, including limits and deep nesting. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  new RawJson('123456789012345678901234567890'),
  [],
  [null],
  {},
  { nested: { deeper: [1, { x: '\u0000' }] } },
  deeplyNested(5_000),
  ...HOSTILE_STRINGS,
];

/** Whole bodies that are not the object an operation expects. */
export const HOSTILE_BODIES: readonly RawJson[] = [
  new RawJson(''),
  new RawJson('null'),
  new RawJson('[]'),
  new RawJson('"text"'),
  new RawJson('123'),
  new RawJson('{'),
  new RawJson('{"a":'),
  new RawJson('{"a":1,"a":2}'),
  new RawJson('\u0000'),
  new RawJson(`${'['.repeat(10_000)}${']'.repeat(10_000)}`),
  deeplyNested(10_000),
];

/** Path segments, already percent-encoded: NUL, lone surrogate bytes, invalid UTF-8, odd ids. */
export const HOSTILE_SEGMENTS: readonly string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF',
  '%E0%A4%A',
  '%',
  'x'.repeat(5_000),
  '%F0%9F%98%80',
  '-1',
  '0',
  'null',
  '00000000-0000-0000-0000-000000000000',
  '1e309',
  '%20',
  '..%2F..%2Fetc',
];
