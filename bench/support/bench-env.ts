export const numberFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got '${raw}'`);
  return value;
};

/** Prints the machine-readable result after a marker line so run-all.sh can cut it out. */
export const printJson = (result: unknown): void => {
  console.log('--- json ---');
  console.log(
    JSON.stringify(
      result,
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
      2,
    ),
  );
};
