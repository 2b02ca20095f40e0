import type { TFunction } from 'i18next';

/**
 * A recorded reason as people read it: `code` or `code: note` (what the approvals inbox sends)
 * becomes the code's label and the note; any other text is shown as written.
 */
export const reasonLabel = (t: TFunction, text: string): string => {
  const match = /^([a-z_]+)(?::\s*([\s\S]*))?$/.exec(text);
  const code = match?.[1];
  if (code === undefined || !t(`approval.reasons.${code}`, { defaultValue: '' })) return text;
  const label = t(`approval.reasons.${code}`);
  return match?.[2] ? `${label}：${match[2]}` : label;
};
