import type { FormInstance } from 'antd';
import { isProblem } from '@/shared/api/problem';

/**
 * Puts the service's field errors next to the fields that caused them; returns true when at least
 * one field was named (the caller shows a form-level alert otherwise).
 */
export const showProblemOnFields = (
  form: FormInstance,
  error: unknown,
  known: readonly string[],
): boolean => {
  if (!isProblem(error)) return false;
  const fields = Object.entries(error.fieldErrors).filter(([name]) =>
    known.includes(name.split('.')[0] ?? name),
  );
  if (fields.length === 0) return false;
  form.setFields(fields.map(([name, message]) => ({ name: name.split('.'), errors: [message] })));
  return true;
};
