import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export interface MachineSnapshot {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly freeMemoryGiB: number;
  readonly node: string;
  /** 1, 5 and 15 minute load averages: other processes share these cores. */
  readonly loadAverage: readonly number[];
  readonly at: string;
}

const cpuModel = (): string => {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line !== undefined) return line.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
};

const gib = (bytes: number): number => Math.round((bytes / 1024 ** 3) * 10) / 10;

export const machineSnapshot = (): MachineSnapshot => ({
  cpuModel: cpuModel(),
  cores: cpus().length,
  memoryGiB: gib(totalmem()),
  freeMemoryGiB: gib(freemem()),
  node: process.version,
  loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  at: new Date().toISOString(),
});

export const describeLoad = (label: string, snapshot: MachineSnapshot): string =>
  `${label}: load average ${snapshot.loadAverage.join(' / ')} on ${snapshot.cores} cores (${snapshot.at})`;
