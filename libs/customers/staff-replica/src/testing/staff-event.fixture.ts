import { randomUUID } from 'node:crypto';
import type { KafkaEnvelope } from '@crm/messaging';

/** The envelope the customers relay would publish for a staff fact of `employeeId`'s stream. */
export const staffEventEnvelope = (
  type: string,
  data: Readonly<Record<string, unknown>> & { readonly employeeId: string },
  version: number,
  eventId: string = randomUUID(),
): KafkaEnvelope => {
  const at = String(data['joinedAt'] ?? data['changedAt'] ?? new Date().toISOString());
  return {
    eventId,
    type,
    streamId: `employee-${data.employeeId}`,
    aggregateId: data.employeeId,
    version,
    position: { commit: '1', prepare: '1' },
    occurredAt: at,
    recordedAt: at,
    correlationId: `fixture-${randomUUID()}`,
    data,
  };
};
