import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far; 0 when it is gone or not on Linux. */
export const processCpuSeconds = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
};

/** Pids whose command line contains `needle` (e.g. every `postgres:` backend, the `kafka.Kafka` JVM). */
export const pidsMatching = (needle: string): number[] => {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(needle);
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
};

/** Busy and total CPU seconds of the whole machine (all cores) from /proc/stat. */
export const machineCpuSeconds = (): { readonly busy: number; readonly total: number } => {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    const total = values.slice(0, 8).reduce((sum, v) => sum + v, 0);
    return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
  } catch {
    return { busy: 0, total: 0 };
  }
};

export interface CpuReport {
  /** Share of all cores busy during the interval, 0-100. */
  readonly machineBusyPercent: number;
  /** Per named process: percent of ONE core (so two busy cores read 200). */
  readonly processCorePercent: Readonly<Record<string, number>>;
  readonly processCpuSeconds: Readonly<Record<string, number>>;
  readonly wallSeconds: number;
}

const groupCpu = (pids: readonly number[]): Map<number, number> =>
  new Map(pids.map((pid) => [pid, processCpuSeconds(pid)]));

/**
 * Starts a CPU accounting interval over named groups of processes (pids looked up at start and
 * end, so short-lived backends count only if alive at the end); `finish` reports how the cores were spent.
 */
export const cpuInterval = (groups: Readonly<Record<string, () => number[]>>) => {
  const startedAt = process.hrtime.bigint();
  const machine = machineCpuSeconds();
  const ownStart = process.cpuUsage();
  const start = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, groupCpu(pids())]));
  return {
    finish: (): CpuReport => {
      const wall = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const machineEnd = machineCpuSeconds();
      const own = process.cpuUsage(ownStart);
      const seconds: Record<string, number> = { 'bench (load generator)': (own.user + own.system) / 1e6 };
      for (const [name, pids] of Object.entries(groups)) {
        const before = start[name] ?? new Map<number, number>();
        let used = 0;
        for (const [pid, total] of groupCpu(pids())) used += total - (before.get(pid) ?? 0);
        seconds[name] = Math.round(used * 100) / 100;
      }
      const perProcess = Object.fromEntries(
        Object.entries(seconds).map(([name, used]) => [name, Math.round((used / wall) * 100)]),
      );
      const total = machineEnd.total - machine.total;
      return {
        machineBusyPercent: total > 0 ? Math.round(((machineEnd.busy - machine.busy) / total) * 100) : 0,
        processCorePercent: perProcess,
        processCpuSeconds: seconds,
        wallSeconds: Math.round(wall * 10) / 10,
      };
    },
  };
};
