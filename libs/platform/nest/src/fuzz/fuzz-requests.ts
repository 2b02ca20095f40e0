import { HOSTILE_BODIES, HOSTILE_SEGMENTS, HOSTILE_STRINGS, HOSTILE_VALUES, RawJson } from './hostile-values';
import { bodySchemaOf, sampleFor, type OpenApiDocument, type OpenApiOperation } from './openapi-samples';

export interface FuzzRequest {
  readonly method: string;
  /** Path and query string, already encoded. */
  readonly url: string;
  readonly body?: string;
  readonly contentType?: string;
  /** What was mutated, for the failure report. */
  readonly label: string;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Deterministic PRNG (mulberry32): the same seed always sends the same requests. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** JSON text with RawJson fragments spliced in where JSON.stringify cannot write them. */
export const jsonText = (value: unknown): string => {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, inner: unknown) => {
    if (!(inner instanceof RawJson)) return inner;
    raws.push(inner.text);
    return `__raw_${raws.length - 1}__`;
  });
  return raws.reduce((out, raw, i) => out.replace(`"__raw_${i}__"`, () => raw), text ?? '');
};

/** encodeURIComponent refuses lone surrogates; their UTF-8-like bytes are what a client would send. */
const encoded = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/**
 * Up to `count` requests for one operation: a plausible baseline first, then the sharpest
 * mutations (NUL, lone surrogate, deep nesting in each place), then a seeded sample of the rest.
 */
export const fuzzRequestsFor = (
  doc: OpenApiDocument,
  template: string,
  verb: string,
  operation: OpenApiOperation,
  count: number,
  random: () => number,
): FuzzRequest[] => {
  const method = verb.toUpperCase();
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const segments = Object.fromEntries(
    pathParams.map((p) => [p.name, encoded(String(sampleFor(doc, p.schema)))]),
  );
  const urlWith = (segment: Readonly<Record<string, string>>, query = ''): string =>
    template.replace(/\{([^}]+)\}/g, (_m, name: string) => segment[name] ?? 'x') + (query ? `?${query}` : '');
  const schema = bodySchemaOf(operation);
  const takesBody = schema !== undefined || BODY_METHODS.has(method);
  const base = schema !== undefined ? sampleFor(doc, schema) : {};
  const withBody = (label: string, body: unknown, url = urlWith(segments)): FuzzRequest => ({
    method,
    url,
    label,
    ...(takesBody ? { body: jsonText(body), contentType: 'application/json' } : {}),
  });

  const sharp: FuzzRequest[] = [];
  const rest: FuzzRequest[] = [];
  for (const p of pathParams) {
    for (const segment of HOSTILE_SEGMENTS) {
      const request = withBody(
        `path ${p.name}=${segment.slice(0, 40)}`,
        base,
        urlWith({ ...segments, [p.name]: segment }),
      );
      (segment === '%00' || segment === '%ED%A0%80' ? sharp : rest).push(request);
    }
  }
  for (const q of queryParams) {
    const values = [...HOSTILE_STRINGS.map(encoded), '1&' + `${q.name}=2`, 'x'];
    for (const value of values) {
      const name = value === 'x' ? `${q.name}[a]` : q.name;
      const request = withBody(
        `query ${name}=${value.slice(0, 40)}`,
        base,
        urlWith(segments, `${name}=${value}`),
      );
      (value === '%00' ? sharp : rest).push(request);
    }
  }
  if (takesBody) {
    for (const raw of HOSTILE_BODIES) {
      const request = withBody(`body ${raw.text.slice(0, 30)}`, raw);
      (raw.text.length > 10_000 ? sharp : rest).push(request);
    }
    rest.push({ ...withBody('body as text/plain', base), contentType: 'text/plain' });
    rest.push(withBody('body over the size limit', { ...asObject(base), filler: 'x'.repeat(300_000) }));
    rest.push(withBody('body with an unknown field', { ...asObject(base), unexpected: 1 }));
    const fields = Object.keys(asObject(base));
    fields.forEach((field, i) => {
      for (const value of HOSTILE_VALUES) {
        const label = `body ${field}=${jsonText(value).slice(0, 40)}`;
        const request = withBody(label, { ...asObject(base), [field]: value });
        const isSharp = i === 0 && (value === 'a\u0000b' || value === '\uD800' || value instanceof RawJson);
        (isSharp ? sharp : rest).push(request);
      }
    });
  }
  const baseline = withBody('baseline', base);
  return [baseline, ...sharp, ...shuffled(rest, random)].slice(0, count);
};

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
