// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * PostgreSQL text and jsonb cannot hold NUL, and a lone surrogate has no UTF-8 form: text about a
 * hostile message (its parse error, its headers) is made storable rather than failing the insert
 * that was meant to park it. The raw bytes themselves are kept elsewhere, in bytea.
 */
export const storableText = (text: string, maxLength = 4_000): string => {
  const clean = text.replaceAll('\u0000', '\\u0000').replace(LONE_SURROGATE, '\uFFFD');
  return clean.length > maxLength ? `${clean.slice(0, maxLength)}… (${clean.length} chars)` : clean;
};
