/**
 * Deterministic JSON: object keys sorted recursively (UTF-16 code unit order), arrays in order,
 * otherwise exactly what JSON.stringify would produce. Hashes must not depend on the key order a
 * storage engine happens to return (PostgreSQL jsonb reorders keys), so every hash input goes through here.
 */
export const canonicalJson = (value: unknown): string => {
  const out = write(value);
  return out === undefined ? 'null' : out;
};

const write = (value: unknown): string | undefined => {
  if (value === null) return 'null';
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON: () => unknown }).toJSON());
  }
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not representable in JSON');
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      // undefined, functions and symbols vanish from objects and become null in arrays, as in JSON.stringify.
      return undefined;
  }
};

const writeArray = (items: readonly unknown[]): string =>
  `[${items.map((item) => write(item) ?? 'null').join(',')}]`;

const writeObject = (object: Record<string, unknown>): string => {
  const parts: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const written = write(object[key]);
    if (written !== undefined) parts.push(`${JSON.stringify(key)}:${written}`);
  }
  return `{${parts.join(',')}}`;
};
