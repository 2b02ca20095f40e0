import { unstorableCharacter } from '@crm/postgres';

/** Deeper than any request the services define; deep enough JSON would overflow recursive code. */
export const MAX_INPUT_DEPTH = 32;

export type InputLocation = 'path' | 'query' | 'body';

export interface UnsafeInput {
  readonly location: InputLocation;
  /** Dotted path of the offending value, e.g. `items.0.name` (empty for the whole body). */
  readonly field: string;
  readonly reason: 'NUL' | 'lone surrogate' | 'too deep';
}

const joined = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/**
 * The first string (value or key) no PostgreSQL text can hold unchanged, or the first value nested
 * deeper than MAX_INPUT_DEPTH, in `root`. Iterative, so hostile nesting cannot overflow the stack.
 */
export const findUnsafeInput = (root: unknown, location: InputLocation): UnsafeInput | undefined => {
  const pending: Array<{ value: unknown; field: string; depth: number }> = [
    { value: root, field: '', depth: 0 },
  ];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, field, depth } = item;
    if (typeof value === 'string') {
      const reason = unstorableCharacter(value);
      if (reason) return { location, field, reason };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return { location, field, reason: 'too deep' };
    for (const [key, inner] of Object.entries(value)) {
      const reason = unstorableCharacter(key);
      if (reason) return { location, field: joined(field, key), reason };
      pending.push({ value: inner, field: joined(field, key), depth: depth + 1 });
    }
  }
  return undefined;
};
