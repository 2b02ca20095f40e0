import type { Actor, CommandContext } from '@crm/event-sourcing';
import type { CustomerDecisionContext } from '../customer.decide';
import type { PersonalData, SealedPersonalData } from '../personal-data';

export const NOW = new Date('2025-03-04T02:30:00.000Z');

export const staffOf = (bu: string, id = 'e-001'): Actor => ({ id, role: 'staff', bu });

export const commandContext = (actor: Actor = staffOf('bu-1'), now: Date = NOW): CommandContext => ({
  actor,
  now,
  commandId: 'cmd-1',
  correlationId: 'corr-1',
});

/** A visible, reversible stand-in for the vault so specs can see exactly what was sealed. */
export const fakeSeal = (data: PersonalData): SealedPersonalData => ({
  alg: 'test-seal',
  keyId: 'key-1',
  ciphertext: Buffer.from(JSON.stringify(data)).toString('base64'),
});

export const decisionContext = (
  overrides: Partial<CustomerDecisionContext> = {},
): CustomerDecisionContext => ({
  ...commandContext(),
  sealPersonalData: fakeSeal,
  ...overrides,
});

export const directorOf = (id = 'd-1'): Actor => ({ id, role: 'resource_director' });

/** A context for decisions under a ⚙ rule: the policy version comes in like the clock. */
export const policyContext = (
  now: Date | string = NOW,
  actor: Actor = { id: 'system:customers', role: 'system' },
): CommandContext => ({
  ...commandContext(actor, typeof now === 'string' ? new Date(now) : now),
  policyVersion: 'v1',
});
