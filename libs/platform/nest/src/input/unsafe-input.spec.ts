import { findUnsafeInput, MAX_INPUT_DEPTH } from './unsafe-input';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
};

describe('findUnsafeInput', () => {
  it('accepts ordinary text, numbers and structures', () => {
    expect(findUnsafeInput({ name: '王小明😀', items: [{ qty: 1 }], ok: true }, 'body')).toBeUndefined();
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH), 'body')).toBeUndefined();
  });

  it('names the field holding NUL or a lone surrogate, in values and in keys', () => {
    expect(findUnsafeInput({ a: { b: ['x', 'y\u0000'] } }, 'body')).toEqual({
      location: 'body',
      field: 'a.b.1',
      reason: 'NUL',
    });
    expect(findUnsafeInput({ id: '\uD83D' }, 'path')).toEqual({
      location: 'path',
      field: 'id',
      reason: 'lone surrogate',
    });
    expect(findUnsafeInput({ 'k\u0000': 1 }, 'query')).toEqual({
      location: 'query',
      field: 'k\u0000',
      reason: 'NUL',
    });
    expect(findUnsafeInput('\u0000', 'body')).toEqual({ location: 'body', field: '', reason: 'NUL' });
  });

  it('refuses nesting past the limit without overflowing the stack, even 100,000 levels deep', () => {
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH + 1), 'body')?.reason).toBe('too deep');
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(findUnsafeInput(deep, 'body')).toEqual({
      location: 'body',
      field: '0'.repeat(MAX_INPUT_DEPTH).split('').join('.'),
      reason: 'too deep',
    });
  });
});
