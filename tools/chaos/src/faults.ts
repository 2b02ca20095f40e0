import { Client } from 'pg';
import type { ChaosBroker, ChaosServices } from './chaos-system';
import type { Fault } from './profiles';

export interface FaultRun {
  readonly fault: string;
  readonly atS: number;
  /** From the injection until the system was whole again (killed services healthy, broker up). */
  readonly recoveredAfterS: number;
  readonly detail: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const describe = (fault: Fault): string => {
  switch (fault.kind) {
    case 'kill':
      return `kill -9 ${fault.services.join(' + ')}`;
    case 'long-transaction':
      return `${fault.seconds} s transaction in another database`;
    default:
      return fault.kind;
  }
};

/**
 * Injects each fault at its time while the load runs, whether or not an earlier one has been
 * recovered from (a broker restart may hit services still starting); resolves when all have.
 */
export const injectFaults = async (
  faults: readonly Fault[],
  system: {
    readonly services: ChaosServices;
    readonly broker: ChaosBroker;
    readonly databaseName: string;
    readonly otherUrl: string;
  },
  loadStart: number,
  log: (line: string) => void,
): Promise<FaultRun[]> => {
  const runs: FaultRun[] = [];
  const inject = async (fault: Fault): Promise<void> => {
    const wait = loadStart + fault.atS * 1000 - Date.now();
    if (wait > 0) await sleep(wait);
    const started = Date.now();
    const atS = Math.round((started - loadStart) / 100) / 10;
    log(`t=${atS}s ${describe(fault)}`);
    let detail = '';
    switch (fault.kind) {
      case 'kill': {
        await Promise.all(fault.services.map((s) => system.services.kill(s)));
        // Restarted at once, as a supervisor would; requests meanwhile find nothing listening.
        await Promise.all(fault.services.map((s) => system.services.start(s)));
        break;
      }
      case 'broker-restart':
        await system.broker.restart();
        break;
      case 'terminate-connections': {
        // Every session on the system's database, the checker's own included: each pool must notice
        // its dead connections and reconnect; a command cut mid-way is rolled back and retried.
        const admin = new Client({ connectionString: system.otherUrl });
        await admin.connect();
        try {
          const result = await admin.query<{ n: number }>(
            `select count(*) filter (where pg_terminate_backend(pid))::int as n
               from pg_stat_activity where datname = $1`,
            [system.databaseName],
          );
          detail = `${result.rows[0]?.n ?? 0} connections terminated`;
        } finally {
          await admin.end();
        }
        break;
      }
      case 'long-transaction': {
        // Holds a transaction id: the gap-safe global log of every event store on the cluster waits
        // for it, so relays and projections stall until it ends, then must catch up without loss.
        const other = new Client({ connectionString: system.otherUrl });
        await other.connect();
        try {
          await other.query('begin');
          const xid = await other.query<{ xid: string }>('select pg_current_xact_id()::text as xid');
          detail = `xid ${xid.rows[0]?.xid ?? '?'}`;
          await sleep(fault.seconds * 1000);
          await other.query('commit');
        } finally {
          await other.end();
        }
        break;
      }
    }
    const recoveredAfterS = Math.round((Date.now() - started) / 100) / 10;
    log(
      `t=${Math.round((Date.now() - loadStart) / 100) / 10}s ${describe(fault)}: recovered after ${recoveredAfterS} s ${detail}`,
    );
    runs.push({ fault: describe(fault), atS, recoveredAfterS, detail });
  };
  await Promise.all(
    faults.map((fault) =>
      inject(fault).catch((error: unknown) => {
        log(`${describe(fault)} failed: ${String(error)}`);
        runs.push({
          fault: describe(fault),
          atS: fault.atS,
          recoveredAfterS: -1,
          detail: `failed: ${String(error).slice(0, 120)}`,
        });
      }),
    ),
  );
  return runs.sort((a, b) => a.atS - b.atS);
};
