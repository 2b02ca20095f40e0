import { ContractViolation, readPayload } from './payload-reader';

describe('readPayload', () => {
  const data = {
    id: 'x-1',
    at: '2026-03-04T02:30:00.000Z',
    day: '2026-03-04',
    amountFen: 1250,
    kind: 'return',
    bus: ['bu-1', 'bu-2'],
    nested: { keyId: 'k' },
    people: [{ post: 'gm' }, { post: 'bu_manager' }],
    extra: true,
  };

  it('reads every known field kind and ignores unknown fields', () => {
    const r = readPayload('Sample', data);
    expect([r.text('id'), r.instant('at'), r.day('day'), r.fen('amountFen')]).toEqual([
      'x-1',
      '2026-03-04T02:30:00.000Z',
      '2026-03-04',
      1250,
    ]);
    expect(r.oneOf('kind', ['allowance', 'return'] as const)).toBe('return');
    expect(r.textList('bus')).toEqual(['bu-1', 'bu-2']);
    expect(r.object('nested').text('keyId')).toBe('k');
    expect(r.objects('people').map((p) => p.text('post'))).toEqual(['gm', 'bu_manager']);
    expect(r.optionalText('missing')).toBeUndefined();
    expect(r.boolean('extra')).toBe(true);
    expect(r.listOf('bus', ['bu-1', 'bu-2', 'bu-3'] as const)).toEqual(['bu-1', 'bu-2']);
  });

  it.each([
    ['a missing text', (r: ReturnType<typeof readPayload>) => r.text('nope'), /Sample: nope must be/],
    ['a bad instant', (r: ReturnType<typeof readPayload>) => r.instant('id'), /id must be an ISO-8601/],
    ['a bad day', (r: ReturnType<typeof readPayload>) => r.day('at'), /at must be a day/],
    ['negative money', (r: ReturnType<typeof readPayload>) => r.fen('neg'), /neg must be an integer ≥ 0/],
    ['fractional money', (r: ReturnType<typeof readPayload>) => r.fen('frac'), /frac must be an integer/],
    ['an unknown choice', (r: ReturnType<typeof readPayload>) => r.oneOf('id', ['a']), /id must be one of a/],
    ['a non-boolean', (r: ReturnType<typeof readPayload>) => r.boolean('id'), /id must be true or false/],
    [
      'an unknown list item',
      (r: ReturnType<typeof readPayload>) => r.listOf('bus', ['bu-1']),
      /bus must be a list of bu-1/,
    ],
    ['a nested miss', (r: ReturnType<typeof readPayload>) => r.object('nested').text('iv'), /nested: iv/],
    [
      'a list item miss',
      (r: ReturnType<typeof readPayload>) => r.objects('people')[1]?.text('bu'),
      /people\[1\]: bu/,
    ],
    [
      'not a list of objects',
      (r: ReturnType<typeof readPayload>) => r.objects('bus'),
      /bus must be a list of objects/,
    ],
  ])('names the field on %s', (_label, read, message) => {
    const r = readPayload('Sample', { ...data, neg: -1, frac: 1.5 });
    expect(() => read(r)).toThrow(ContractViolation);
    expect(() => read(r)).toThrow(message);
  });

  it('refuses a payload that is not an object', () => {
    expect(() => readPayload('Sample', [1])).toThrow('Sample: data must be an object');
  });
});
