import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { contractSchema } from './contract-schema';
import { readPayload } from './payload-reader';

const SAMPLE = 'SampleHappened';
const parseSample = (data: unknown) => {
  const r = readPayload(SAMPLE, data);
  const inner = r.object('inner');
  return {
    id: r.text('id'),
    note: r.optionalText('note'),
    labels: r.optionalTextList('labels') ?? [],
    urgent: r.optionalBoolean('urgent') ?? false,
    ...(r.optionalText('grade') !== undefined ? { grade: r.oneOf('grade', ['A', 'B'] as const) } : {}),
    at: r.instant('at'),
    on: r.day('on'),
    amountFen: r.fen('amountFen'),
    count: r.integer('count', { min: 1 }),
    kind: r.oneOf('kind', ['a', 'b'] as const),
    tags: r.textList('tags'),
    flags: r.listOf('flags', ['x', 'y'] as const),
    final: r.boolean('final'),
    innerId: inner.text('innerId'),
    people: r.objects('people').map((p) => ({ post: p.text('post'), bu: p.optionalText('bu') })),
  };
};

const valid = {
  id: 'e-1',
  at: '2026-12-08T01:02:03.000Z',
  on: '2026-12-08',
  amountFen: 0,
  count: 2,
  kind: 'b',
  tags: ['t'],
  flags: ['y'],
  final: true,
  inner: { innerId: 'i-1' },
  people: [{ post: 'gm' }, { post: 'bu_manager', bu: 'bu-1' }],
};

describe('contract schema derived from a parser', () => {
  const schema = contractSchema('crm.sample.events.v1', SAMPLE, parseSample);
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('names the event and its topic in $id', () => {
    expect(schema).toMatchObject({
      $id: 'urn:crm:contracts:crm.sample.events.v1:SampleHappened',
      title: SAMPLE,
    });
  });

  it('marks what the parser requires, and only that', () => {
    expect(schema['required']).toEqual(
      expect.arrayContaining([
        'id',
        'at',
        'on',
        'amountFen',
        'count',
        'kind',
        'tags',
        'flags',
        'final',
        'inner',
        'people',
      ]),
    );
    expect(schema['required']).not.toContain('note');
    expect(schema['required']).not.toContain('labels');
    expect(schema['required']).not.toContain('urgent');
    expect(schema['required']).not.toContain('grade');
  });

  it('accepts what the parser accepts', () => {
    expect(() => parseSample(valid)).not.toThrow();
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, note: 'n', extra: 1 })).toBe(true);
    expect(() => parseSample({ ...valid, note: null })).not.toThrow();
    expect(validate({ ...valid, note: null })).toBe(true);
  });

  it.each([
    ['a missing required field', { ...valid, id: undefined }],
    ['an empty string', { ...valid, id: '' }],
    ['a list item without its required field', { ...valid, people: [{ bu: 'bu-1' }] }],
    ['an instant without zone', { ...valid, at: '2026-12-08T01:02:03' }],
    ['a day in another layout', { ...valid, on: '08/12/2026' }],
    ['negative money', { ...valid, amountFen: -1 }],
    ['a count below its minimum', { ...valid, count: 0 }],
    ['a value outside the enum', { ...valid, kind: 'c' }],
    ['a list item outside the enum', { ...valid, flags: ['z'] }],
    ['a boolean as text', { ...valid, final: 'true' }],
    ['a nested field missing', { ...valid, inner: {} }],
    ['an optional list of the wrong type', { ...valid, labels: [1] }],
    ['an optional boolean as text', { ...valid, urgent: 'yes' }],
    ['a conditional field outside its enum', { ...valid, grade: 'C' }],
  ])('refuses %s, as the parser does', (_label, data) => {
    expect(() => parseSample(data)).toThrow();
    expect(validate(data)).toBe(false);
  });
});
