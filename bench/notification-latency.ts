/**
 * Notification delivery from event to the notification centre (issue 11 §4: p95 under 2 s): an
 * overdue reminder (催办) published on the complaints topic as the relay does, until the notification
 * is in the recipient's centre (the table `GET /notifications` reads; there is no projection in
 * between). The notifications service runs in this process on real PostgreSQL and Kafka with a real
 * SMTP server, so each notification's e-mail is sent too, as in production.
 *
 *   node -r @swc-node/register bench/notification-latency.ts
 *
 * Env: TEST_DATABASE_URL, KAFKA_BROKERS, BENCH_NTF_RATE (20 events per second), BENCH_NTF_SECONDS
 * (20), BENCH_NTF_RECIPIENTS (2 per event: the handler and the BU manager).
 */
import { randomUUID } from 'node:crypto';
import { COMPLAINT_OVERDUE_REMINDER_ISSUED } from '@crm/complaints-contracts';
import { contractEnvelope, sendContractEvent } from '@crm/testing';
import { startNotificationsTestApp } from '../services/notifications/src/testing/notifications-test-app';
import { numberFromEnv, printJson } from './support/bench-env';
import { describeLoad, machineSnapshot } from './support/machine';
import { formatTable, nowMs, percentile, round, sleep } from './support/stats';

const main = async (): Promise<void> => {
  const rate = numberFromEnv('BENCH_NTF_RATE', 20);
  const seconds = numberFromEnv('BENCH_NTF_SECONDS', 20);
  const t = await startNotificationsTestApp({ DELIVERY_MAX_ATTEMPTS: '8' });
  const handlers = Array.from({ length: 50 }, (_, i) => `bench-h-${i}`);
  await t.seed([
    ...handlers.map((employeeId) => ({
      employeeId,
      bu: 'bu-1',
      posts: ['handler'],
      email: `${employeeId}@example.cn`,
    })),
    { employeeId: 'bench-m-1', bu: 'bu-1', posts: ['bu_manager'], email: 'manager@example.cn' },
  ]);
  const before = machineSnapshot();
  const sentAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  let polling = true;
  // Watches the centre's table every 10 ms: the latency's resolution.
  const watcher = (async () => {
    while (polling) {
      const pending = [...sentAt.keys()].filter((id) => !seenAt.has(id));
      if (pending.length > 0) {
        const { rows } = await t.pool.query<{ source_event_id: string; n: number }>(
          `select source_event_id, count(*)::int as n from "${t.config.SCHEMA}".notifications
            where source_event_id = any($1) group by source_event_id`,
          [pending],
        );
        const now = nowMs();
        for (const row of rows) if (row.n >= 2) seenAt.set(row.source_event_id, now);
      }
      await sleep(10);
    }
  })();
  const total = Math.round(rate * seconds);
  const started = nowMs();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - nowMs();
    if (wait > 0) await sleep(wait);
    const caseId = randomUUID();
    const at = nowMs();
    const sent = await sendContractEvent(
      t.producer,
      t.config.COMPLAINTS_TOPIC,
      contractEnvelope(
        {
          type: COMPLAINT_OVERDUE_REMINDER_ISSUED,
          data: {
            caseId,
            dueAt: new Date().toISOString(),
            sequence: 1,
            notify: [
              { post: 'handler', employeeId: handlers[i % handlers.length] },
              { post: 'bu_manager', bu: 'bu-1' },
            ],
            rule: 'CMP-OVD-03',
            issuedAt: new Date().toISOString(),
          },
        },
        { aggregateId: caseId },
      ),
    );
    sentAt.set(sent.envelope.eventId, at);
  }
  const deadline = nowMs() + 30_000;
  while (seenAt.size < sentAt.size && nowMs() < deadline) await sleep(50);
  polling = false;
  await watcher;
  const latencies = [...sentAt].flatMap(([id, at]) => {
    const seen = seenAt.get(id);
    return seen === undefined ? [] : [seen - at];
  });
  const mails = t.mail.mails.length;
  const after = machineSnapshot();
  await t.close();
  const result = {
    rate,
    seconds,
    events: total,
    notifications: latencies.length * 2,
    missing: total - latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(Math.max(...latencies)),
    mailsSentByEnd: mails,
    machine: { before, after },
  };
  console.log(
    formatTable(
      ['events/s', 'events', 'missing', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'e-mails sent'],
      [[rate, total, result.missing, result.p50Ms, result.p95Ms, result.p99Ms, result.maxMs, mails]],
    ),
  );
  console.log(describeLoad('before', before));
  console.log(describeLoad('after', after));
  printJson(result);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
