import type { Pool } from 'pg';
import { processCpuSeconds } from './cpu-usage';

export interface CpuSample {
  /** This process (the writers: event creation, hashing, serialisation, the pg driver). */
  readonly client: number;
  /** Per backend pid serving this benchmark's pool (not WAL writer or checkpointer). */
  readonly server: ReadonlyMap<number, number>;
}

/** Server CPU between two samples; a backend that appeared in between counts from zero. */
export const serverSecondsBetween = (start: CpuSample, end: CpuSample): number => {
  let used = 0;
  for (const [pid, seconds] of end.server) used += seconds - (start.server.get(pid) ?? 0);
  return used;
};

/**
 * CPU seconds spent so far by the benchmark and by its own database sessions, told apart from
 * other work on the machine by the pool's application_name. On shared cores, CPU per event is a
 * steadier comparison than events per second, which moves with everyone else's load.
 */
export const cpuSampler = (pool: Pool, applicationName: string) => async (): Promise<CpuSample> => {
  const result = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where application_name = $1',
    [applicationName],
  );
  const server = new Map(result.rows.map((row) => [row.pid, processCpuSeconds(row.pid)]));
  const own = process.cpuUsage();
  return { client: (own.user + own.system) / 1e6, server };
};
