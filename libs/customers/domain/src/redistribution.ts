import type { CommandContext, Decider, DomainCommand, DomainEvent } from '@crm/event-sourcing';
import { seededDraw, type DrawnAssignment } from './reassignment-choice';

/** One stream per redistribution (ARC-72), so the draw is recorded once, before any customer moves. */
export const redistributionStreamId = (redistributionId: string): string =>
  `customer-redistribution-${redistributionId}`;

type DrawFacts = {
  readonly redistributionId: string;
  /** The employee who went on long leave, transferred or left, and the BU their customers stay in. */
  readonly employeeId: string;
  readonly bu: string;
  readonly absence: string;
  readonly seed: string;
  readonly customers: readonly string[];
  readonly drawnFrom: readonly string[];
};

/**
 * The whole draw: its inputs (seed, customers, staff) and its outcome. An auditor re-running
 * `seededDraw(seed, customers, drawnFrom)` gets `assignments`; `undrawn` are customers left waiting
 * because nobody in the BU was active.
 */
export type CustomersRedistributed = DomainEvent<
  'CustomersRedistributed',
  DrawFacts & {
    readonly assignments: readonly DrawnAssignment[];
    readonly undrawn: readonly string[];
    readonly policyVersion: string;
    readonly drawnAt: string;
    readonly decidedBy: string;
  }
>;

export type DrawRedistribution = DomainCommand<'DrawRedistribution', DrawFacts>;

export type Redistribution =
  { readonly status: 'none' } | ({ readonly status: 'drawn' } & CustomersRedistributed['data']);

export const redistributionDecider: Decider<
  DrawRedistribution,
  CustomersRedistributed,
  Redistribution,
  CommandContext
> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, state, context) => {
    if (state.status === 'drawn') return [];
    const facts = command.data;
    const nobody = facts.drawnFrom.length === 0;
    return [
      {
        type: 'CustomersRedistributed',
        data: {
          ...facts,
          customers: [...facts.customers].sort(),
          drawnFrom: [...facts.drawnFrom].sort(),
          assignments: nobody ? [] : seededDraw(facts.seed, facts.customers, facts.drawnFrom),
          undrawn: nobody ? [...facts.customers].sort() : [],
          policyVersion: context.policyVersion ?? 'v1',
          drawnAt: context.now.toISOString(),
          decidedBy: context.actor.id,
        },
      },
    ];
  },
  evolve: (state, event) =>
    event.type === 'CustomersRedistributed' && state.status === 'none'
      ? { status: 'drawn', ...event.data }
      : state,
};
