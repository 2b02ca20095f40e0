import { randomInt } from 'node:crypto';
import type { Command, PhaseRecord } from './e2e-analysis';
import { DirectoryPoller } from './directory-poller';
import type { E2eSystem } from './e2e-system';
import { HttpClient } from './http-client';
import { epochMs, openLoop } from './open-loop';
import { sleep } from './stats';

export const POLL_TICK_MS = 25;
export const POLLS_PER_TICK = 1;
const VISIBILITY_TIMEOUT_MS = 120_000;

/** Unique valid mainland mobiles (1[3-9]x xxxx xxxx) for every command of the run. */
const mobiles = (() => {
  let next = randomInt(0, 50_000_000);
  return (): string => {
    next += 1;
    return `13${7 + (Math.floor(next / 1e8) % 3)}${String(next % 1e8).padStart(8, '0')}`;
  };
})();

export const runPhase = async (
  system: E2eSystem,
  rate: number,
  seconds: number,
  sampleEvery: number,
): Promise<PhaseRecord> => {
  const customersApi = new HttpClient(system.customers.baseUrl);
  const directoryApi = new HttpClient(system.complaints.baseUrl);
  const commands: Command[] = [];
  const poller = new DirectoryPoller(directoryApi, system.staffToken, POLL_TICK_MS, POLLS_PER_TICK);
  try {
    const stats = await openLoop(rate, Math.round(rate * seconds), async (i, dueAt) => {
      const command: Command = { dueAt, sentAt: epochMs() };
      commands.push(command);
      const body = {
        source: 'walk_in',
        name: `压测客户${i}`,
        mobile: mobiles(),
        address: '上海市浦东新区测试路1号',
      };
      try {
        const res = await customersApi.send('POST', '/customers', system.staffToken, body);
        command.respondedAt = epochMs();
        command.status = res.status;
        if (res.status === 201)
          command.customerId = (JSON.parse(res.body) as { customerId: string }).customerId;
        else command.error = res.body.slice(0, 300);
      } catch (error) {
        command.respondedAt = epochMs();
        command.error = error instanceof Error ? error.message : String(error);
      }
      if (command.customerId !== undefined && i % sampleEvery === 0)
        poller.watch(command.customerId, (at) => (command.apiVisibleAt = at));
    });
    await poller.finish(VISIBILITY_TIMEOUT_MS);
    await collectCommitTimes(system, commands);
    return {
      commands,
      lastSentAt: stats.lastSentAt,
      firstDueAt: stats.firstDueAt,
      probeRequests: poller.requests,
    };
  } finally {
    customersApi.close();
    directoryApi.close();
  }
};

/** Waits until every registered customer is in the directory, then reads the rows' commit times. */
const collectCommitTimes = async (system: E2eSystem, commands: Command[]): Promise<void> => {
  const ids = commands.flatMap((c) => (c.customerId !== undefined ? [c.customerId] : []));
  const deadline = epochMs() + VISIBILITY_TIMEOUT_MS;
  let rows: { customer_id: string; at: string }[] = [];
  while (epochMs() < deadline) {
    const result = await system.pool.query<{ customer_id: string; at: string }>(
      `select customer_id, (extract(epoch from updated_at) * 1000)::text as at
         from ${system.directoryTable} where customer_id = any($1)`,
      [ids],
    );
    rows = result.rows;
    if (rows.length >= ids.length) break;
    await sleep(200);
  }
  const byId = new Map(rows.map((r) => [r.customer_id, Number(r.at)]));
  for (const command of commands) {
    if (command.customerId !== undefined) command.committedAt = byId.get(command.customerId);
  }
};
