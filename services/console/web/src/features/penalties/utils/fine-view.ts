import type { Fine } from '@/features/penalties/api/types';

/** Integer fen → yuan with two decimals (ledger amounts are small whole numbers of fen). */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** Only the fined employee, while the window is open and the fine is not yet appealed. */
export const canAppeal = (fine: Fine, employeeId: string | undefined, now: Date): boolean =>
  fine.status === 'issued' &&
  fine.employeeId !== null &&
  fine.employeeId === employeeId &&
  now.getTime() <= Date.parse(fine.appealDeadline);

/** Only the GM decides, only an appealed fine. */
export const canDecide = (fine: Fine, roles: readonly string[]): boolean =>
  fine.status === 'appealed' && roles.includes('gm');

/** The month a ledger page starts on: the current Asia/Shanghai month. */
export const currentMonth = (now: Date): string =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
