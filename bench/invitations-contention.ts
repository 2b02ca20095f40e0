/**
 * ConfirmInvitation with and without a race: the invitations service's own application code
 * (InvitationsApp.onInvitation: joint event, eligibility and policy reads, the claims index, then
 * handleCommand on the customer's invitation stream) on PostgreSQL. Without contention every
 * confirmation is for a customer nobody else touches; with contention `racers` BUs confirm the
 * same customer at the same instant, so one wins and the others are refused
 * (invitation.customer_held, INV-09), after re-deciding on a version conflict. The same number of
 * confirmations is in flight in both cases.
 *
 *   node -r @swc-node/register bench/invitations-contention.ts
 *
 * Env: TEST_DATABASE_URL, KAFKA_BROKERS (customers reach the eligibility table through the
 * customers topic, as in production), BENCH_INV_INFLIGHT (2,10: confirmations in flight),
 * BENCH_INV_RACERS (2: BUs racing per customer), BENCH_INV_CUSTOMERS (200 per case).
 */
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CUSTOMER_SERVICE_LAPSED, type CustomerServiceLapsedV1 } from '@crm/customers-contracts';
import { aCustomerRegistered, customerEventEnvelope } from '@crm/customers-directory-replica';
import { DomainError } from '@crm/event-sourcing';
import { invitationStreamId } from '@crm/invitations-domain';
import { EVENT_STORE } from '@crm/nest';
import { eventually } from '@crm/testing';
import { InvitationsApp } from '../services/invitations/src/application/invitations-app';
import {
  startInvitationsTestApp,
  type InvitationsTestApp,
} from '../services/invitations/src/testing/invitations-test-app';
import { fixedRounds, listFromEnv, timed, type LoopResult } from './support/closed-loop';
import { countConflicts } from './support/conflict-counter';
import { numberFromEnv, printJson } from './support/bench-env';
import { describeLoad, machineSnapshot } from './support/machine';
import { formatTable, nowMs } from './support/stats';

/** A local Asia/Shanghai wall-clock time. */
const local = (time: string): string => new Date(`${time.replace(' ', 'T')}+08:00`).toISOString();

interface CaseResult extends LoopResult {
  readonly contention: boolean;
  readonly inflight: number;
  readonly customers: number;
  readonly conflicts: number;
  /** Customers that ended with exactly one confirmation (must be all of them). */
  readonly singleWinner: number;
}

/**
 * Registered and lapsed customers (anyone may invite them, so the BUs really compete), delivered
 * through the customers topic to the service's eligibility consumer, as the customers service would.
 */
const lapsedCustomers = async (t: InvitationsTestApp, count: number): Promise<string[]> => {
  const ids: string[] = [];
  const messages = [];
  for (let i = 0; i < count; i++) {
    const customer = aCustomerRegistered({ ownerBu: 'bu-owner' });
    const lapsed: CustomerServiceLapsedV1 = {
      customerId: customer.customerId,
      ownerBu: 'bu-owner',
      ownerEmployeeId: 'e-bu-owner',
      lastServiceAt: local('2026-08-01 10:00:00'),
      lapsedAt: local('2026-11-01 10:00:00'),
      policyVersion: 1,
    };
    ids.push(customer.customerId);
    for (const envelope of [
      customerEventEnvelope(customer),
      customerEventEnvelope(lapsed, { type: CUSTOMER_SERVICE_LAPSED, version: 1 }),
    ])
      messages.push({ key: envelope.aggregateId, value: JSON.stringify(envelope) });
  }
  await t.producer.send({ topic: t.config.CUSTOMERS_TOPIC, messages });
  await eventually(
    async () => {
      const { rows } = await t.pool.query<{ n: string }>(
        `select count(*) as n from "${t.config.readSchema()}".customer_eligibility
          where lapsed and customer_id = any($1)`,
        [ids],
      );
      return Number(rows[0]?.n ?? 0) === count ? true : undefined;
    },
    `${count} lapsed customers in the eligibility table`,
    120_000,
  );
  return ids;
};

const main = async (): Promise<void> => {
  const inflightLevels = listFromEnv('BENCH_INV_INFLIGHT', [2, 10]);
  const racers = numberFromEnv('BENCH_INV_RACERS', 2);
  const customersPerCase = numberFromEnv('BENCH_INV_CUSTOMERS', 200);
  const bus = Array.from({ length: Math.max(2, racers) }, (_, i) => `bu-${i + 1}`);
  const before = machineSnapshot();
  console.log(describeLoad('before', before));
  const t = await startInvitationsTestApp(local('2026-12-05 11:00:00'));
  const results: CaseResult[] = [];
  try {
    const coordinator = await t.token({ sub: 'co-1', roles: ['coordinator'] });
    const scheduled = await request(t.app.getHttpServer() as Server)
      .post('/joint-events')
      .set('Authorization', `Bearer ${coordinator}`)
      .send({
        date: '2026-12-10',
        slot: 'evening',
        venue: 'Hall A',
        businessUnits: bus,
        coordinatorId: 'co-1',
      })
      .expect(201);
    const jointEventId = scheduled.body.jointEventId as string;
    const app = t.app.get(InvitationsApp);
    const store = t.app.get(EVENT_STORE);
    const counter = countConflicts(store);

    const confirm = (customerId: string, bu: string) =>
      timed(
        async () => {
          const { events } = await app.onInvitation(
            jointEventId,
            customerId,
            { type: 'ConfirmInvitation', data: { jointEventId, customerId } },
            {
              actor: { id: `e-${bu}`, role: 'staff', bu },
              now: t.clock.now(),
              commandId: randomUUID(),
              correlationId: randomUUID(),
            },
          );
          return events[0]?.type ?? 'no-event';
        },
        (error) => (error instanceof DomainError ? `refused ${error.code}` : undefined),
      );

    // All customers up front: one wait for the eligibility consumer instead of one per case.
    const cases = inflightLevels.flatMap((inflight) =>
      [false, true].map((contention) => ({ inflight, contention })),
    );
    const setupStarted = nowMs();
    const everyone = await lapsedCustomers(t, customersPerCase * cases.length);
    console.log(
      `${everyone.length} lapsed customers through the customers topic in ${Math.round(nowMs() - setupStarted)} ms`,
    );
    for (const [index, { inflight, contention }] of cases.entries()) {
      const customers = everyone.slice(index * customersPerCase, (index + 1) * customersPerCase);
      const perRound = contention ? racers : 1;
      const conflictsBefore = counter.conflicts();
      const loop = await fixedRounds(customers.length, Math.max(1, Math.floor(inflight / perRound)), (r) => {
        const customerId = customers[r] as string;
        // One BU alone, or `racers` BUs released together on the same customer.
        const who = contention ? bus.slice(0, racers) : [bus[r % bus.length] as string];
        return Promise.all(who.map((bu) => confirm(customerId, bu)));
      });
      const singleWinner = await winners(t, jointEventId, customers);
      const result: CaseResult = {
        ...loop,
        contention,
        inflight,
        customers: customers.length,
        conflicts: counter.conflicts() - conflictsBefore,
        singleWinner,
      };
      results.push(result);
      console.log(
        `${contention ? `${racers} BUs racing` : 'no contention'}, ${inflight} in flight: ` +
          `${result.decisionsPerSecond} decisions/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
          `${result.conflicts} version conflicts, ${singleWinner}/${customers.length} with one confirmation, ` +
          `errors ${result.errors}${result.firstError !== undefined ? ` (${result.firstError})` : ''}`,
      );
    }
    const after = machineSnapshot();
    console.log(describeLoad('after', after));
    console.log(`\n${customersPerCase} customers per case:\n`);
    console.log(
      formatTable(
        [
          'case',
          'in flight',
          'decisions',
          'decisions/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'conflicts',
          'outcomes',
          'errors',
        ],
        results.map((r) => [
          r.contention ? `${racers} BUs racing` : 'no contention',
          r.inflight,
          r.decisions,
          r.decisionsPerSecond,
          r.p50Ms,
          r.p99Ms,
          r.maxMs,
          r.conflicts,
          Object.entries(r.outcomes)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
          r.errors,
        ]),
      ),
    );
    printJson({
      bench: 'invitations-contention',
      settings: { inflightLevels, racers, customersPerCase, businessUnits: bus },
      machine: { before, after },
      results,
    });
  } finally {
    await t.close();
  }
};

/** How many of the customers' invitation streams hold exactly one InvitationConfirmed. */
const winners = async (
  t: InvitationsTestApp,
  jointEventId: string,
  customers: readonly string[],
): Promise<number> => {
  const { rows } = await t.pool.query<{ n: string }>(
    `select count(*) as n from (
       select stream_id from "${t.config.SCHEMA}".events
        where type = 'InvitationConfirmed' and stream_id = any($1)
        group by stream_id having count(*) = 1) s`,
    [customers.map((c) => invitationStreamId(jointEventId, c))],
  );
  return Number(rows[0]?.n ?? 0);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
