import { DomainError } from '@crm/event-sourcing';
import { deterministicUuid } from '@crm/event-sourcing';

export type PolicyParams = Readonly<Record<string, unknown>>;

/** Domain §7: every ⚙ parameter lives in a versioned document; versions are immutable once adopted. */
export interface PolicyDocument<TParams = PolicyParams> {
  readonly policyId: string;
  /** `v1`, `v2`, ...: what decision events record as their policy version. */
  readonly version: string;
  /** ISO-8601 instant from which this version governs decisions. */
  readonly effectiveFrom: string;
  readonly params: TParams;
  readonly adoptedBy?: string;
  readonly reason?: string;
}

/** A document as recorded in its stream, with who adopted it and when. */
export interface AdoptedPolicy<TParams = PolicyParams> extends PolicyDocument<TParams> {
  readonly adoptedBy: string;
  readonly adoptedAt: Date;
  readonly eventId: string;
}

export const POLICY_VERSION_ADOPTED = 'PolicyVersionAdopted';

export interface PolicyVersionAdoptedData {
  readonly policyId: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly params: PolicyParams;
  readonly adoptedBy: string;
  readonly reason?: string;
}

export const policyStreamId = (policyId: string): string => `policy-${policyId}`;

/** Derived from (policyId, version) so a re-seed or a retried adoption appends nothing new. */
export const policyAdoptionEventId = (policyId: string, version: string): string =>
  deterministicUuid('policy-version-adopted', policyId, version);

const POLICY_ID = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
const VERSION = /^v[1-9][0-9]*(?:\.[0-9]+)*$/;

const invalid = (message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('invalid', 'policy.invalid_document', message, undefined, details);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the shape of a document from code, JSON or HTTP before it can become an event. */
export const parsePolicyDocument = (input: unknown): PolicyDocument => {
  if (!isRecord(input)) throw invalid('a policy document must be an object');
  const { policyId, version, effectiveFrom, params, adoptedBy, reason } = input;
  if (typeof policyId !== 'string' || !POLICY_ID.test(policyId)) {
    throw invalid('policyId must be lower-case words joined by ".", "-" or "_"', { policyId });
  }
  if (typeof version !== 'string' || !VERSION.test(version)) {
    throw invalid(`version must look like 'v1' or 'v2.1'`, { policyId, version });
  }
  if (typeof effectiveFrom !== 'string' || Number.isNaN(Date.parse(effectiveFrom))) {
    throw invalid('effectiveFrom must be an ISO-8601 instant', { policyId, version });
  }
  if (!isRecord(params)) throw invalid('params must be an object', { policyId, version });
  if (adoptedBy !== undefined && typeof adoptedBy !== 'string') throw invalid('adoptedBy must be a string');
  if (reason !== undefined && typeof reason !== 'string') throw invalid('reason must be a string');
  return {
    policyId,
    version,
    effectiveFrom: new Date(effectiveFrom).toISOString(),
    params,
    ...(adoptedBy !== undefined ? { adoptedBy } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
};

const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** Same rules: same effective instant and the same params regardless of key order. */
export const sameRules = (a: PolicyDocument<unknown>, b: PolicyDocument<unknown>): boolean =>
  Date.parse(a.effectiveFrom) === Date.parse(b.effectiveFrom) && canonical(a.params) === canonical(b.params);
