// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

export type UnstorableCharacter = 'NUL' | 'lone surrogate';

/**
 * What keeps a string out of PostgreSQL text and jsonb unchanged: NUL cannot be stored at all, and a
 * lone UTF-16 surrogate has no UTF-8 form (the driver would silently turn it into U+FFFD).
 */
export const unstorableCharacter = (text: string): UnstorableCharacter | undefined => {
  if (text.includes('\u0000')) return 'NUL';
  return LONE_SURROGATE.test(text) ? 'lone surrogate' : undefined;
};

/**
 * Text about hostile input (a parse error, message headers) made storable rather than failing the
 * insert meant to record it: NUL spelled out, lone surrogates replaced, length capped. Raw bytes
 * belong in bytea.
 */
export const storableText = (text: string, maxLength = 4_000): string => {
  const clean = text.replaceAll('\u0000', '\\u0000').replace(LONE_SURROGATES, '\uFFFD');
  return clean.length > maxLength ? `${clean.slice(0, maxLength)}… (${clean.length} chars)` : clean;
};
