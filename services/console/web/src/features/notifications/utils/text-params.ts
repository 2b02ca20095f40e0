import { formatDateTime } from '@/shared/i18n/i18n';

/** A notification's params as its text needs them: instants in Beijing time, money in yuan. */
export const textParams = (params: Readonly<Record<string, string | number>>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === 'dueAt' || key === 'cutoffAt') out[key] = formatDateTime(String(value));
    else if (key === 'amountFen') out[key] = (Number(value) / 100).toFixed(2);
    else out[key] = String(value);
  }
  return out;
};
