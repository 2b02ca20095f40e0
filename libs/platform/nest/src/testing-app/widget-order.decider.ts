import type { CommandContext, Decider } from '@crm/event-sourcing';

/** A decider for the platform's own tests: every order is accepted, so each run leaves one event. */
export type OrderWidget = { readonly type: 'OrderWidget'; readonly data: { readonly quantity: number } };
export type WidgetOrdered = { readonly type: 'WidgetOrdered'; readonly data: { readonly quantity: number } };

export const widgetOrderStreamId = (name: string): string => `widget-order-${name}`;

export const widgetOrderDecider: Decider<
  OrderWidget,
  WidgetOrdered,
  { readonly ordered: number },
  CommandContext
> = {
  initialState: () => ({ ordered: 0 }),
  decide: (command) => [{ type: 'WidgetOrdered', data: { quantity: command.data.quantity } }],
  evolve: (state, event) => ({ ordered: state.ordered + event.data.quantity }),
};
