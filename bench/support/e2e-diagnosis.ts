import { randomUUID } from 'node:crypto';
import type { E2eSystem } from './e2e-system';
import { nowMs, sleep } from './stats';

/** Keys of every record on the topic so far (read with a throwaway group). */
const topicKeys = async (system: E2eSystem, timeoutMs = 20_000): Promise<Set<string>> => {
  const consumer = system.kafka.consumer({ groupId: `bench-diagnose-${randomUUID()}` });
  const keys = new Set<string>();
  let last = nowMs();
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [system.topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) keys.add(m.key?.toString() ?? '');
        last = nowMs();
      },
    });
    const deadline = nowMs() + timeoutMs;
    // Stop once nothing new arrived for two seconds (the topic is finite).
    while (nowMs() < deadline && nowMs() - last < 2_000) await sleep(200);
  } finally {
    await consumer.disconnect();
  }
  return keys;
};

/**
 * For customers that answered 201 but never reached the directory: where did each one stop -
 * not in the customers event store, not published, or published but not applied (dead letter,
 * inbox)? Printed, so a reader of the benchmark output can tell a slow pipeline from a lossy one.
 */
export const diagnoseMissing = async (system: E2eSystem, customerIds: readonly string[]): Promise<void> => {
  const sample = customerIds.slice(0, 10);
  const q = async <R extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R[]> =>
    (await system.pool.query<R>(text, values)).rows;
  const cust = `"${system.customersSchema}"`;
  const cmpl = `"${system.complaintsSchema}"`;
  console.log(
    `\n--- diagnosis of ${customerIds.length} customer(s) not in the directory (first ${sample.length})`,
  );
  console.log(
    'relay checkpoints:',
    await q(`select name, "commit"::text, "prepare"::text from ${cust}.checkpoints`),
  );
  console.log(
    'dead letters:',
    await q(`select count(*)::int as n, min(error) as first_error from ${cmpl}.dead_letters`),
  );
  console.log('inbox rows:', await q(`select count(*)::int as n from ${cmpl}.inbox`));
  const keys = await topicKeys(system);
  for (const id of sample) {
    const events = await q<{ id: string; type: string; tx: string; pos: string; at: string }>(
      `select event_id::text as id, type, transaction_id::text as tx, position::text as pos, recorded_at::text as at
         from ${cust}.events where stream_id like '%' || $1`,
      [id],
    );
    const inbox = await q(`select processed_at::text from ${cmpl}.inbox where event_id = any($1)`, [
      events.map((e) => e.id),
    ]);
    console.log(
      `${id}: store ${JSON.stringify(events)}; on topic ${keys.has(id)}; inbox ${JSON.stringify(inbox)}`,
    );
  }
};
