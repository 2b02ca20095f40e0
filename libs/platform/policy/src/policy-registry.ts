import { type CommandContext, DomainError, metadataFrom } from '@crm/event-sourcing';
import {
  DuplicateEventIdError,
  type EventStore,
  type StoredEvent,
  WrongExpectedVersionError,
} from '@crm/event-store';
import {
  type AdoptedPolicy,
  parsePolicyDocument,
  POLICY_VERSION_ADOPTED,
  policyAdoptionEventId,
  type PolicyDocument,
  type PolicyParams,
  policyStreamId,
  type PolicyVersionAdoptedData,
} from './policy-document';

export interface PolicyRegistryOptions {
  /** How long a cached history is trusted before the stream is read again (other replicas adopt too). */
  readonly maxCacheAgeMs?: number;
}

interface CachedHistory {
  readonly streamVersion: number;
  readonly adopted: readonly AdoptedPolicy[];
  readonly loadedAt: number;
}

const MAX_APPEND_ATTEMPTS = 3;

/**
 * Versioned policy documents backed by the event store: stream `policy-<policyId>` holds one
 * `PolicyVersionAdopted` per version, in adoption order, with non-decreasing effectiveFrom.
 */
export class PolicyRegistry {
  private readonly cache = new Map<string, CachedHistory>();
  private readonly loading = new Map<string, Promise<CachedHistory>>();
  private readonly maxCacheAgeMs: number;

  constructor(
    private readonly store: EventStore,
    options: PolicyRegistryOptions = {},
  ) {
    this.maxCacheAgeMs = options.maxCacheAgeMs ?? 5_000;
  }

  /**
   * Adopting is an event carrying the actor's metadata. Refuses a version that already exists and
   * an effectiveFrom before the latest version's (history of what was in force must not change).
   */
  async adopt<TParams>(
    document: PolicyDocument<TParams>,
    ctx: CommandContext,
  ): Promise<AdoptedPolicy<TParams>> {
    const doc = parsePolicyDocument(document);
    for (let attempt = 1; ; attempt += 1) {
      const history = await this.load(doc.policyId);
      this.checkAdoptable(doc, history.adopted);
      const reason = doc.reason ?? ctx.reason;
      const data: PolicyVersionAdoptedData = {
        policyId: doc.policyId,
        version: doc.version,
        effectiveFrom: doc.effectiveFrom,
        params: doc.params,
        adoptedBy: doc.adoptedBy ?? ctx.actor.id,
        ...(reason !== undefined ? { reason } : {}),
      };
      try {
        await this.store.append(
          policyStreamId(doc.policyId),
          [
            {
              id: policyAdoptionEventId(doc.policyId, doc.version),
              type: POLICY_VERSION_ADOPTED,
              data: { ...data },
              metadata: { ...metadataFrom(ctx), ...(reason !== undefined ? { reason } : {}) },
            },
          ],
          history.streamVersion < 0 ? 'no_stream' : history.streamVersion,
        );
      } catch (error) {
        // Another replica adopted concurrently: re-read and re-check, which turns a lost race on
        // the same version into the proper "version exists" refusal.
        const raced = error instanceof WrongExpectedVersionError || error instanceof DuplicateEventIdError;
        if (!raced || attempt >= MAX_APPEND_ATTEMPTS) throw error;
        continue;
      }
      const after = await this.load(doc.policyId);
      const adopted = after.adopted.find((entry) => entry.version === doc.version);
      if (!adopted)
        throw new Error(`policy ${doc.policyId} ${doc.version} was appended but cannot be read back`);
      return adopted as AdoptedPolicy<TParams>;
    }
  }

  /** The version in force at `at`: the latest adopted one whose effectiveFrom is not after `at`. */
  async find<TParams = PolicyParams>(
    policyId: string,
    at: Date,
  ): Promise<AdoptedPolicy<TParams> | undefined> {
    const { adopted } = await this.cached(policyId);
    let inForce: AdoptedPolicy | undefined;
    for (const entry of adopted) {
      if (Date.parse(entry.effectiveFrom) <= at.getTime()) inForce = entry;
    }
    return inForce as AdoptedPolicy<TParams> | undefined;
  }

  async current<TParams = PolicyParams>(policyId: string, at: Date): Promise<AdoptedPolicy<TParams>> {
    const inForce = await this.find<TParams>(policyId, at);
    if (!inForce) {
      throw new DomainError(
        'not_found',
        'policy.not_in_force',
        `no version of ${policyId} is in force`,
        undefined,
        {
          policyId,
          at: at.toISOString(),
        },
      );
    }
    return inForce;
  }

  /** Every adopted version in adoption order. */
  async history<TParams = PolicyParams>(policyId: string): Promise<readonly AdoptedPolicy<TParams>[]> {
    return (await this.cached(policyId)).adopted as readonly AdoptedPolicy<TParams>[];
  }

  /** Reads what was appended since the cached version (e.g. after being told another replica adopted). */
  async refresh(policyId: string): Promise<void> {
    await this.load(policyId);
  }

  /** Concurrent cache misses for one policy share a single read. */
  private reload(policyId: string): Promise<CachedHistory> {
    const inFlight = this.loading.get(policyId);
    if (inFlight) return inFlight;
    const load = this.load(policyId).finally(() => this.loading.delete(policyId));
    this.loading.set(policyId, load);
    return load;
  }

  private async cached(policyId: string): Promise<CachedHistory> {
    const entry = this.cache.get(policyId);
    if (entry && Date.now() - entry.loadedAt < this.maxCacheAgeMs) return entry;
    return this.reload(policyId);
  }

  private async load(policyId: string): Promise<CachedHistory> {
    const previous = this.cache.get(policyId);
    const adopted = [...(previous?.adopted ?? [])];
    let streamVersion = previous?.streamVersion ?? -1;
    for await (const event of this.store.readStream(policyStreamId(policyId), {
      fromVersion: streamVersion + 1,
    })) {
      streamVersion = event.version;
      if (event.type === POLICY_VERSION_ADOPTED) adopted.push(toAdopted(event));
    }
    const entry: CachedHistory = { streamVersion, adopted, loadedAt: Date.now() };
    // Overlapping loads may finish out of order; never let an older read replace a newer one.
    const current = this.cache.get(policyId);
    if (!current || current.streamVersion <= streamVersion) this.cache.set(policyId, entry);
    return entry;
  }

  private checkAdoptable(doc: PolicyDocument, adopted: readonly AdoptedPolicy[]): void {
    if (adopted.some((entry) => entry.version === doc.version)) {
      throw new DomainError(
        'conflict',
        'policy.version_exists',
        `${doc.policyId} ${doc.version} is already adopted; adopt a new version instead`,
        undefined,
        { policyId: doc.policyId, version: doc.version },
      );
    }
    const latest = adopted[adopted.length - 1];
    if (latest && Date.parse(doc.effectiveFrom) < Date.parse(latest.effectiveFrom)) {
      throw new DomainError(
        'rule',
        'policy.effective_from_before_current',
        `${doc.policyId} ${doc.version} would take effect before ${latest.version} (${latest.effectiveFrom})`,
        undefined,
        { policyId: doc.policyId, version: doc.version, currentVersion: latest.version },
      );
    }
  }
}

const toAdopted = (event: StoredEvent): AdoptedPolicy => {
  const doc = parsePolicyDocument(event.data);
  const adoptedBy =
    typeof event.data['adoptedBy'] === 'string' ? event.data['adoptedBy'] : event.metadata.actor.id;
  return { ...doc, adoptedBy, adoptedAt: event.recordedAt, eventId: event.id };
};
