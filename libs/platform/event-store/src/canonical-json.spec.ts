import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH } from './hash-chain';

describe('canonicalJson', () => {
  it('sorts keys recursively and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('does not depend on insertion order', () => {
    expect(canonicalJson({ x: 1, y: { p: true, q: null } })).toBe(
      canonicalJson({ y: { q: null, p: true }, x: 1 }),
    );
  });

  it('treats undefined, dates and special numbers as JSON.stringify does', () => {
    const date = new Date('2025-01-02T03:04:05.006Z');
    expect(canonicalJson({ a: undefined, b: [undefined, NaN], c: date, d: 'é"\n' })).toBe(
      `{"b":[null,null],"c":"2025-01-02T03:04:05.006Z","d":${JSON.stringify('é"\n')}}`,
    );
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('refuses bigint instead of guessing a representation', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('eventHash', () => {
  const event = { id: 'e1', streamId: 's', version: 0, type: 'T', data: { a: 1, b: 2 }, metadata: { m: 1 } };

  it('is stable under key order and changes with content or predecessor', () => {
    const hash = eventHash(GENESIS_HASH, event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...event, data: { b: 2, a: 1 } })).toBe(hash);
    expect(eventHash(GENESIS_HASH, { ...event, data: { a: 1, b: 3 } })).not.toBe(hash);
    expect(eventHash('f'.repeat(64), event)).not.toBe(hash);
  });
});
