import { DomainError, type CommandContext, type Decider } from '@crm/event-sourcing';
import type { CustomerCommand, ForgetCustomer, RegisterCustomer } from './customer.commands';
import type { CustomerEvent, CustomerRegistered } from './customer.events';
import { decideClassify } from './customer-classification.decide';
import { decideConsent } from './customer-consent.decide';
import { decideCorrection } from './customer-correction.decide';
import { requireRegistered } from './customer-guards';
import { decideOwnershipDispute, decideReassign } from './customer-ownership.decide';
import { decideAwardPoints, decideRedeemPoints } from './customer-points.decide';
import { decideMarkLapsed, decideRecordService } from './customer-service.decide';
import { evolveCustomer, initialCustomer, type Customer } from './customer';
import { ownerFromActor } from './owner';
import { parsePersonalData, type PersonalData, type SealedPersonalData } from './personal-data';

export interface CustomerDecisionContext extends CommandContext {
  /**
   * Encrypts personal data with this customer's key. Injected like the clock: the domain decides
   * *what* is sealed, infrastructure owns the key (services/customers/src/pii).
   */
  readonly sealPersonalData?: (data: PersonalData) => SealedPersonalData;
  /** The referrer's current state, loaded by the application when the command names one. */
  readonly referrer?: Customer;
  /** The customer's personal data as it stands, opened by the application for a correction. */
  readonly currentPersonalData?: PersonalData;
}

const sealWith = (context: CustomerDecisionContext) => {
  if (context.sealPersonalData === undefined) throw new Error('registration needs sealPersonalData');
  return context.sealPersonalData;
};

/** PIPL art. 47: the record stays, its key goes (infrastructure deletes it with this event). */
const decideForget = (command: ForgetCustomer, state: Customer, context: CommandContext): CustomerEvent[] => {
  const customer = requireRegistered(state, command.data.customerId);
  if (customer.forgotten) return [];
  return [
    {
      type: 'CustomerForgotten',
      data: {
        customerId: customer.customerId,
        forgottenAt: context.now.toISOString(),
        decidedBy: context.actor.id,
      },
    },
  ];
};

const decideRegister = (
  command: RegisterCustomer,
  state: Customer,
  context: CustomerDecisionContext,
): CustomerRegistered[] => {
  const { customerId, source, referredBy } = command.data;
  if (state.status === 'registered') {
    throw new DomainError(
      'conflict',
      'customer.already_registered',
      `customer ${customerId} is already registered`,
      undefined,
      { customerId, ownerBu: state.ownerBu, ownerEmployeeId: state.ownerEmployeeId },
    );
  }
  const owner = ownerFromActor(context.actor);
  const personalData = parsePersonalData(command.data);
  if (source === 'referral' && referredBy === undefined) {
    throw new DomainError(
      'invalid',
      'customer.referrer_required',
      'a referral names its referrer',
      undefined,
      {
        field: 'referredBy',
      },
    );
  }
  if (referredBy !== undefined) {
    if (referredBy === customerId) {
      throw new DomainError(
        'invalid',
        'customer.self_referral',
        'a customer cannot refer themselves',
        undefined,
        {
          field: 'referredBy',
        },
      );
    }
    if (context.referrer?.status !== 'registered') {
      throw new DomainError(
        'invalid',
        'customer.referrer_unknown',
        'the referrer is not a registered customer',
        undefined,
        {
          field: 'referredBy',
          referredBy,
        },
      );
    }
  }
  return [
    {
      type: 'CustomerRegistered',
      data: {
        customerId,
        source,
        ...owner,
        registeredAt: context.now.toISOString(),
        ...(referredBy !== undefined ? { referredBy } : {}),
        personalData: sealWith(context)(personalData),
      },
    },
  ];
};

export const decideCustomer = (
  command: CustomerCommand,
  state: Customer,
  context: CustomerDecisionContext,
): readonly CustomerEvent[] => {
  switch (command.type) {
    case 'RegisterCustomer':
      return decideRegister(command, state, context);
    case 'RecordService':
      return decideRecordService(command, state);
    case 'MarkLapsed':
      return decideMarkLapsed(command, state, context);
    case 'ReassignCustomer':
      return decideReassign(command, state, context);
    case 'RuleOwnershipDispute':
      return decideOwnershipDispute(command, state, context);
    case 'AwardReferralPoints':
      return decideAwardPoints(command, state, context);
    case 'RedeemPoints':
      return decideRedeemPoints(command, state, context);
    case 'ClassifyCustomer':
      return decideClassify(command, state, context);
    case 'ForgetCustomer':
      return decideForget(command, state, context);
    case 'CorrectCustomerData':
      return decideCorrection(command, state, context);
    case 'RecordConsent':
      return decideConsent(command, state, context);
  }
};

export const customerDecider: Decider<CustomerCommand, CustomerEvent, Customer, CustomerDecisionContext> = {
  initialState: initialCustomer,
  decide: decideCustomer,
  evolve: evolveCustomer,
};
