import { storableText, unstorableCharacter } from './storable-text';

describe('storableText', () => {
  it('spells NUL out, replaces lone surrogates and keeps valid pairs', () => {
    expect(storableText('a\u0000b')).toBe('a\\u0000b');
    expect(storableText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(storableText('😀')).toBe('😀');
  });

  it('caps the length and says how long the text was', () => {
    expect(storableText('abcdef', 3)).toBe('abc… (6 chars)');
  });
});

describe('unstorableCharacter', () => {
  it.each([
    ['a\u0000', 'NUL'],
    ['\uD800', 'lone surrogate'],
    ['a\uDC00b', 'lone surrogate'],
    ['\uDC00\uD800', 'lone surrogate'],
    ['王小明😀', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(unstorableCharacter(text)).toBe(expected);
  });
});
