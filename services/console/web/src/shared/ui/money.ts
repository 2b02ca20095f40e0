/** Integer fen (as the services send it, often a string for bigint) → yuan with two decimals. */
export const yuanOfFen = (fen: string | number): string => {
  const n = BigInt(fen);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
};

/** Yuan typed into a form (up to two decimals) → integer fen; undefined when it is not an amount. */
export const fenOfYuan = (yuan: string | number): number | undefined => {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(yuan).trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
};
