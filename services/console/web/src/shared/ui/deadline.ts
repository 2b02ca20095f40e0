export type DeadlineTone = 'overdue' | 'warning' | 'normal';

/** Colour of a server-computed deadline: overdue past it, warning within `warnMs` (the client never computes working days). */
export const deadlineTone = (now: number, dueAt: string, warnMs = 24 * 3600_000): DeadlineTone => {
  const due = Date.parse(dueAt);
  if (now >= due) return 'overdue';
  return due - now <= warnMs ? 'warning' : 'normal';
};

/** `1天 02:03:04` / `02:03:04` until the deadline. */
export const remaining = (now: number, dueAt: string): string => {
  let s = Math.max(0, Math.floor((Date.parse(dueAt) - now) / 1000));
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${days}d ${hms}` : hms;
};
