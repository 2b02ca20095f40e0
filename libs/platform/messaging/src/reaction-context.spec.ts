import type { KafkaEnvelope } from './kafka-envelope';
import { reactionContext } from './reaction-context';

const envelope = (eventId: string): KafkaEnvelope => ({
  eventId,
  type: 'CaseOverdue',
  streamId: 'case-1',
  aggregateId: '1',
  version: 3,
  position: { commit: '10', prepare: '11' },
  occurredAt: '2026-03-02T01:00:00.000Z',
  recordedAt: '2026-03-02T01:00:00.100Z',
  correlationId: 'corr-1',
  data: {},
});

const options = {
  consumer: 'customers.complaints-reactions',
  actor: { id: 'system:reassignment', role: 'system' },
  now: new Date('2026-03-02T02:00:00.000Z'),
};

describe('reactionContext', () => {
  it('gives a redelivered event the same command id, and carries correlation and causation', () => {
    const first = reactionContext(envelope('e-1'), options);
    expect(reactionContext(envelope('e-1'), options)).toEqual(first);
    expect(first).toMatchObject({ correlationId: 'corr-1', causationId: 'e-1', actor: options.actor });
    expect(first.commandId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives other events, other consumers and other steps other command ids', () => {
    const ids = new Set([
      reactionContext(envelope('e-1'), options).commandId,
      reactionContext(envelope('e-2'), options).commandId,
      reactionContext(envelope('e-1'), { ...options, consumer: 'credit.complaints' }).commandId,
      reactionContext(envelope('e-1'), { ...options, step: 'fine-manager' }).commandId,
    ]);
    expect(ids.size).toBe(4);
  });
});
