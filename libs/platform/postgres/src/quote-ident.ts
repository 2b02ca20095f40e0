/**
 * PostgreSQL truncates longer identifiers silently, which could make two distinct names collide
 * (e.g. a projection table and its `__shadow` copy), so they are refused instead.
 */
const MAX_IDENTIFIER_LENGTH = 63;
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Double-quotes a schema, table or index name for SQL text. Names reach SQL from configuration and
 * code, never from end users, so anything but a plain identifier is a configuration mistake: it is
 * rejected loudly rather than escaped into a surprising but valid name. The name is quoted, so its
 * case is kept; every statement must therefore go through this function for the same name.
 */
export const quoteIdent = (name: string): string => {
  if (!PLAIN_IDENTIFIER.test(name) || name.length > MAX_IDENTIFIER_LENGTH) {
    throw new TypeError(
      `invalid SQL identifier '${name}': expected a letter or underscore, then letters, digits or ` +
        `underscores, at most ${MAX_IDENTIFIER_LENGTH} characters`,
    );
  }
  return `"${name}"`;
};

/** `"schema"."name"`, both parts checked by quoteIdent. */
export const qualifiedName = (schema: string, name: string): string =>
  `${quoteIdent(schema)}.${quoteIdent(name)}`;
