import { DomainError } from '@crm/event-sourcing';
import type { CorrectCustomerData } from './customer.commands';
import { CORRECTABLE_FIELDS, type CustomerDataCorrected } from './customer.events';
import { requireNotForgotten, requireOwnerBuStaff, requireRegistered } from './customer-guards';
import type { Customer } from './customer';
import type { CustomerDecisionContext } from './customer.decide';
import { parsePersonalData } from './personal-data';

export const CORRECTION_RULE = 'CUS-06';
export const CORRECTION_REASON_MAX_LENGTH = 500;

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, undefined, { field });

/**
 * CUS-05/06: personal data is corrected by a compensating event with its reason, never edited in
 * place. The application opens the current data (`currentPersonalData`) so that a change of one
 * field keeps the others; the merged data is validated like a registration and sealed again. A
 * correction that changes nothing records nothing, so a repeated request is harmless.
 */
export const decideCorrection = (
  command: CorrectCustomerData,
  state: Customer,
  context: CustomerDecisionContext,
): CustomerDataCorrected[] => {
  const { customerId, changes } = command.data;
  const customer = requireRegistered(state, customerId);
  requireOwnerBuStaff(customer, context, CORRECTION_RULE, "correct the customer's data");
  requireNotForgotten(customer);
  const reason = command.data.reason.trim();
  if (reason.length === 0 || [...reason].length > CORRECTION_REASON_MAX_LENGTH) {
    throw invalid(
      'customer.invalid_reason',
      `a correction gives its reason (1-${CORRECTION_REASON_MAX_LENGTH} characters)`,
      'reason',
    );
  }
  if (CORRECTABLE_FIELDS.every((field) => changes[field] === undefined)) {
    throw invalid('customer.correction_empty', 'a correction changes name, mobile or address', 'changes');
  }
  const current = context.currentPersonalData;
  if (current === undefined) throw new Error('a correction needs the current personalData opened');
  const next = parsePersonalData({
    name: changes.name ?? current.name,
    mobile: changes.mobile ?? current.mobile,
    address: changes.address ?? current.address,
  });
  const fields = CORRECTABLE_FIELDS.filter((field) => next[field] !== current[field]);
  if (fields.length === 0) return [];
  if (context.sealPersonalData === undefined) throw new Error('a correction needs sealPersonalData');
  return [
    {
      type: 'CustomerDataCorrected',
      data: {
        customerId,
        fields,
        reason,
        personalData: context.sealPersonalData(next),
        rule: CORRECTION_RULE,
        correctedBy: context.actor.id,
        correctedAt: context.now.toISOString(),
      },
    },
  ];
};
