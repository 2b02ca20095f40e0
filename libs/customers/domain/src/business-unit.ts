import {
  DomainError,
  type CommandContext,
  type Decider,
  type DomainCommand,
  type DomainEvent,
} from '@crm/event-sourcing';

export const businessUnitStreamId = (buId: string): string => `business-unit-${buId}`;

/** A business unit (事業部) sharing the customer pool (domain §1, §2.8). */
export type BusinessUnitOpened = DomainEvent<
  'BusinessUnitOpened',
  {
    readonly buId: string;
    readonly name: string;
    /** The head-office unit (总部): never owns customers nor takes part in allocation. Absent: a BU. */
    readonly headOffice?: boolean;
    readonly openedAt: string;
    readonly decidedBy: string;
  }
>;
export type BusinessUnitEvent = BusinessUnitOpened;

export type OpenBusinessUnit = DomainCommand<
  'OpenBusinessUnit',
  { readonly buId: string; readonly name: string; readonly headOffice?: boolean }
>;

export type BusinessUnit =
  | { readonly status: 'unknown' }
  | { readonly status: 'open'; readonly buId: string; readonly name: string; readonly headOffice: boolean };

export const BU_ADMIN_ROLES = ['gm', 'admin'] as const;

export const businessUnitDecider: Decider<OpenBusinessUnit, BusinessUnitEvent, BusinessUnit, CommandContext> =
  {
    initialState: () => ({ status: 'unknown' }),
    decide: (command, state, context) => {
      if (state.status === 'open') {
        throw new DomainError(
          'conflict',
          'bu.exists',
          `business unit ${command.data.buId} exists`,
          undefined,
          {
            buId: command.data.buId,
          },
        );
      }
      const { buId, name, headOffice } = command.data;
      return [
        {
          type: 'BusinessUnitOpened',
          data: {
            buId,
            name,
            ...(headOffice === true ? { headOffice } : {}),
            openedAt: context.now.toISOString(),
            decidedBy: context.actor.id,
          },
        },
      ];
    },
    evolve: (state, event) =>
      event.type === 'BusinessUnitOpened' && state.status === 'unknown'
        ? {
            status: 'open',
            buId: event.data.buId,
            name: event.data.name,
            headOffice: event.data.headOffice === true,
          }
        : state,
  };
