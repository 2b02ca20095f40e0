/** Where the previous page of the ledger ended (newest first: issue instant, then fine id). */
export interface FineCursor {
  readonly issuedAt: string;
  readonly fineId: string;
}

export const encodeFineCursor = (c: FineCursor): string =>
  Buffer.from(`${c.issuedAt}|${c.fineId}`).toString('base64url');

/** The cursor in `after`, or undefined when it is not one this service issued. */
export const decodeFineCursor = (after: string): FineCursor | undefined => {
  const [issuedAt, fineId, ...rest] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !issuedAt || Number.isNaN(Date.parse(issuedAt)) || !fineId) return undefined;
  return { issuedAt, fineId };
};
