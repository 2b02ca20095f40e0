import { DomainError, type CommandContext, type Decider } from '@crm/event-sourcing';
import type { CustomerCommand, RegisterCustomer } from './customer.commands';
import type { CustomerEvent, CustomerRegistered } from './customer.events';
import { evolveCustomer, initialCustomer, type Customer } from './customer';
import { ownerFromActor } from './owner';
import { parsePersonalData, type PersonalData, type SealedPersonalData } from './personal-data';

export interface CustomerDecisionContext extends CommandContext {
  /**
   * Encrypts personal data with this customer's key. Injected like the clock: the domain decides
   * *what* is sealed, infrastructure owns the key (services/customers/src/pii).
   */
  readonly sealPersonalData: (data: PersonalData) => SealedPersonalData;
  /** The referrer's current state, loaded by the application when the command names one. */
  readonly referrer?: Customer;
}

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
        personalData: context.sealPersonalData(personalData),
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
  }
};

export const customerDecider: Decider<CustomerCommand, CustomerEvent, Customer, CustomerDecisionContext> = {
  initialState: initialCustomer,
  decide: decideCustomer,
  evolve: evolveCustomer,
};
