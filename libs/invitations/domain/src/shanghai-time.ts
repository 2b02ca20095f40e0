import type { InvitationPolicyParams } from './invitation-policy';

/**
 * Business days are local (Asia/Shanghai) days `YYYY-MM-DD`; instants are UTC. The offset comes
 * from the policy, never from the host's time zone.
 */
const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isDay = (value: string): boolean =>
  DAY.test(value) && new Date(`${value}T00:00:00.000Z`).toISOString().startsWith(value);

export const localDay = (instant: Date, p: Pick<InvitationPolicyParams, 'utcOffsetMinutes'>): string =>
  new Date(instant.getTime() + p.utcOffsetMinutes * MINUTE).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The instant of local `HH:MM` on `day`. */
export const localInstant = (
  day: string,
  hhmm: string,
  p: Pick<InvitationPolicyParams, 'utcOffsetMinutes'>,
): Date => {
  const match = HH_MM.exec(hhmm);
  if (!match) throw new Error(`not a local time HH:MM: ${hhmm}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]) - p.utcOffsetMinutes;
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + minutes * MINUTE);
};

/** INV-03: a confirmation after the daily cut-off (18:00:00 is still on time) counts for the next day. */
export const countsForDay = (
  confirmedAt: Date,
  p: Pick<InvitationPolicyParams, 'utcOffsetMinutes' | 'dailyCutoff'>,
): string => {
  const day = localDay(confirmedAt, p);
  return confirmedAt.getTime() > localInstant(day, p.dailyCutoff, p).getTime() ? addDays(day, 1) : day;
};
