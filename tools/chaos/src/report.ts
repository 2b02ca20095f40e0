import type { CheckResult } from './checks';
import type { FaultRun } from './faults';
import type { CommandKind, CommandRecord } from './http-command';
import type { ReplayResult } from './replay';

export const table = (header: readonly string[], rows: readonly (readonly (string | number)[])[]): string => {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [
    line(cells[0] ?? []),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
};

export const commandTable = (commands: readonly CommandRecord[]): string => {
  const kinds: CommandKind[] = ['schedule', 'register', 'case', 'confirm'];
  const rows = kinds.map((kind) => {
    const of = commands.filter((c) => c.kind === kind);
    const ok = of.filter((c) => c.answer !== undefined && c.answer.status < 300).length;
    const refused = of.filter((c) => c.answer !== undefined && c.answer.status >= 400).length;
    return [
      kind,
      of.length,
      ok,
      refused,
      of.filter((c) => c.answer === undefined).length,
      of.filter((c) => c.answer !== undefined && c.transient.length > 0).length,
      of.reduce((n, c) => n + c.attempts, 0),
    ];
  });
  return table(['command', 'sent', '2xx', '4xx', 'unanswered', 'answered after retry', 'attempts'], rows);
};

export const transientTable = (commands: readonly CommandRecord[]): string => {
  const counts = new Map<string, number>();
  for (const c of commands) for (const t of c.transient) counts.set(t, (counts.get(t) ?? 0) + 1);
  return table(
    ['unanswered attempt (retried with the same key)', 'count'],
    [...counts].sort((a, b) => b[1] - a[1]),
  );
};

export const refusalTable = (commands: readonly CommandRecord[]): string => {
  const counts = new Map<string, number>();
  for (const c of commands)
    if (c.answer !== undefined && c.answer.status >= 400) {
      const key = `${c.kind} ${c.answer.status} ${String(c.answer.body['code'] ?? '')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return table(
    ['refusal', 'count'],
    [...counts].sort((a, b) => b[1] - a[1]),
  );
};

export const effectTable = (result: CheckResult, replay: ReplayResult): string =>
  table(
    ['store / read model / replica', 'expected', 'found', 'missing', 'duplicate'],
    [
      ...result.tallies.map((t) => [t.store, t.expected, t.found, t.missing, t.duplicates]),
      [
        'replayed answers identical to the first',
        replay.sent,
        replay.identical,
        replay.sent - replay.identical,
        0,
      ],
    ],
  );

export const faultTable = (runs: readonly FaultRun[]): string =>
  table(
    ['fault', 'at (s)', 'recovered after (s)', 'detail'],
    runs.map((r) => [r.fault, r.atS, r.recoveredAfterS, r.detail]),
  );
