import type { FormInstance } from 'antd';
import { toApiProblem } from '@/shared/api/problem';
import { showProblemOnFields } from './form-problem';

/** Records what would be shown beside each field. */
const recordingForm = () => {
  const shown: { name: unknown; errors: string[] }[] = [];
  const form = { setFields: (fields: typeof shown) => shown.push(...fields) } as unknown as FormInstance;
  return { form, shown };
};

describe('refusals beside the fields', () => {
  it('puts validation errors (errors[].field + constraints) beside their fields', () => {
    const { form, shown } = recordingForm();
    const problem = toApiProblem(400, {
      code: 'validation_failed',
      errors: [{ field: 'venue', constraints: { isNotEmpty: 'venue should not be empty' } }],
    });
    expect(showProblemOnFields(form, problem, ['venue'])).toBe(true);
    expect(shown).toEqual([{ name: ['venue'], errors: ['venue should not be empty'] }]);
  });

  it('puts a rule refusal naming details.field beside that field, worded by the caller', () => {
    const { form, shown } = recordingForm();
    const problem = toApiProblem(422, {
      code: 'invitation.winner_not_a_claimant',
      details: { field: 'winnerBu', claimants: ['bu-1'] },
    });
    expect(showProblemOnFields(form, problem, ['winnerBu'], () => '该事业部没有邀约此客户')).toBe(true);
    expect(shown).toEqual([{ name: 'winnerBu', errors: ['该事业部没有邀约此客户'] }]);
  });

  it('leaves a refusal for the form-level alert when it names no known field', () => {
    const { form, shown } = recordingForm();
    const elsewhere = toApiProblem(422, { code: 'x', details: { field: 'other' } });
    expect(showProblemOnFields(form, elsewhere, ['winnerBu'], () => 'm')).toBe(false);
    expect(showProblemOnFields(form, toApiProblem(409, { code: 'y' }), ['winnerBu'], () => 'm')).toBe(false);
    expect(showProblemOnFields(form, new Error('network'), ['winnerBu'])).toBe(false);
    expect(shown).toEqual([]);
  });
});
