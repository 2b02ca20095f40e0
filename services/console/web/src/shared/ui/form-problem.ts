import type { FormInstance } from 'antd';
import { isProblem } from '@/shared/api/problem';

/** The field a refusal names in `details.field` (e.g. a 422 about `winnerBu`), if any. */
const refusedField = (details: unknown): string | undefined => {
  const field =
    typeof details === 'object' && details !== null ? (details as { field?: unknown }).field : undefined;
  return typeof field === 'string' ? field : undefined;
};

/**
 * Puts the service's field errors next to the fields that caused them; returns true when at least
 * one field was named (the caller shows a form-level alert otherwise). A rule refusal (409/422)
 * whose `details.field` names a known field goes beside that field too, worded by `describe`
 * (usually `useProblemMessage()`: our translation of the code, the service's detail as fallback).
 */
export const showProblemOnFields = (
  form: FormInstance,
  error: unknown,
  known: readonly string[],
  describe?: (error: unknown) => string,
): boolean => {
  if (!isProblem(error)) return false;
  const fields = Object.entries(error.fieldErrors).filter(([name]) =>
    known.includes(name.split('.')[0] ?? name),
  );
  if (fields.length === 0) {
    const field = refusedField(error.body['details']);
    if (describe === undefined || field === undefined || !known.includes(field)) return false;
    form.setFields([{ name: field, errors: [describe(error)] }]);
    return true;
  }
  form.setFields(fields.map(([name, message]) => ({ name: name.split('.'), errors: [message] })));
  return true;
};
