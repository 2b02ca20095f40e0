import type { TFunction } from 'i18next';
import { reasonLabel } from './reason-label';

const LABELS: Record<string, string> = { 'approval.reasons.collection_assured': '回款有保障' };
const t = ((key: string, options?: { defaultValue?: string }) =>
  LABELS[key] ?? options?.defaultValue ?? key) as unknown as TFunction;

describe('reasonLabel', () => {
  it('shows a known code by its label, with the note after it', () => {
    expect(reasonLabel(t, 'collection_assured')).toBe('回款有保障');
    expect(reasonLabel(t, 'collection_assured: 月底付清')).toBe('回款有保障：月底付清');
  });

  it('leaves free text and unknown codes as written', () => {
    expect(reasonLabel(t, '客户承诺付款')).toBe('客户承诺付款');
    expect(reasonLabel(t, 'not_a_code: x')).toBe('not_a_code: x');
  });
});
