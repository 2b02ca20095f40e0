import { readFileSync } from 'node:fs';
import { type CommandContext, DomainError } from '@crm/event-sourcing';
import { deterministicUuid } from '@crm/event-sourcing';
import { parsePolicyDocument, type PolicyDocument, sameRules } from './policy-document';
import type { PolicyRegistry } from './policy-registry';

export type SeedOutcome = 'adopted' | 'present';

export interface SeedResult {
  readonly policyId: string;
  readonly version: string;
  readonly outcome: SeedOutcome;
}

/** Parses a JSON text holding one document or an array of them. */
export const parsePolicyDocuments = (json: string): PolicyDocument[] => {
  const parsed: unknown = JSON.parse(json);
  return (Array.isArray(parsed) ? parsed : [parsed]).map((entry) => parsePolicyDocument(entry));
};

export const readPolicyDocuments = (filePath: string): PolicyDocument[] =>
  parsePolicyDocuments(readFileSync(filePath, 'utf8'));

/**
 * Seeding runs on every boot, so everything it writes is derived from the document (command id,
 * correlation id, business time): two replicas seeding at once produce the same event, and the
 * store's idempotent append keeps one.
 */
const seedContext = (doc: PolicyDocument): CommandContext => {
  const commandId = deterministicUuid('policy-seed', doc.policyId, doc.version);
  return {
    actor: { id: 'system:policy-seed', role: 'admin' },
    now: new Date(doc.effectiveFrom),
    commandId,
    correlationId: commandId,
    reason: doc.reason ?? 'default policy document seeded at service start',
  };
};

/**
 * Adopts the default documents that are not in the store yet (first boot); a version already
 * present is left alone as long as its rules match the code. A mismatch fails loudly: adopted
 * versions are immutable, changed defaults need a new version.
 */
export const seedPolicyDocuments = async (
  registry: PolicyRegistry,
  documents: readonly PolicyDocument[],
): Promise<SeedResult[]> => {
  const results: SeedResult[] = [];
  for (const input of documents) {
    const doc = parsePolicyDocument(input);
    let outcome: SeedOutcome = 'present';
    if (!(await registry.history(doc.policyId)).some((entry) => entry.version === doc.version)) {
      try {
        await registry.adopt(doc, seedContext(doc));
        outcome = 'adopted';
      } catch (error) {
        // Another replica won the race to seed this very version.
        if (!(error instanceof DomainError && error.code === 'policy.version_exists')) throw error;
      }
    }
    if (outcome === 'present') {
      await registry.refresh(doc.policyId);
      const existing = (await registry.history(doc.policyId)).find((entry) => entry.version === doc.version);
      if (!existing || !sameRules(existing, doc)) {
        throw new DomainError(
          'conflict',
          'policy.seed_mismatch',
          `${doc.policyId} ${doc.version} in the store differs from the default document; adopt a new version`,
          undefined,
          { policyId: doc.policyId, version: doc.version },
        );
      }
    }
    results.push({ policyId: doc.policyId, version: doc.version, outcome });
  }
  return results;
};
