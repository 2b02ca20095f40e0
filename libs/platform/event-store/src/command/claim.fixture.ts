import { type CommandContext, type Decider, DomainError } from '@crm/event-sourcing';

/** A tiny decider for the command-handler tests: a seat can be claimed once, notes are free. */
export type SeatCommand =
  | { readonly type: 'ClaimSeat'; readonly data: { readonly by: string } }
  | { readonly type: 'AddNote'; readonly data: { readonly text: string } }
  | { readonly type: 'Look'; readonly data: Record<string, never> };

export type SeatEvent =
  | { readonly type: 'SeatClaimed'; readonly data: { readonly by: string } }
  | { readonly type: 'NoteAdded'; readonly data: { readonly text: string } };

export type Seat =
  | { readonly status: 'free'; readonly notes: number }
  | { readonly status: 'claimed'; readonly by: string; readonly notes: number };

export const seatDecider: Decider<SeatCommand, SeatEvent, Seat, CommandContext> = {
  initialState: () => ({ status: 'free', notes: 0 }),
  decide: (command, state) => {
    switch (command.type) {
      case 'ClaimSeat':
        if (state.status === 'claimed') {
          throw new DomainError('conflict', 'seat.taken', `the seat is held by ${state.by}`, undefined, {
            heldBy: state.by,
          });
        }
        return [{ type: 'SeatClaimed', data: { by: command.data.by } }];
      case 'AddNote':
        return [{ type: 'NoteAdded', data: { text: command.data.text } }];
      case 'Look':
        return [];
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'SeatClaimed':
        return { status: 'claimed', by: event.data.by, notes: state.notes };
      case 'NoteAdded':
        return { ...state, notes: state.notes + 1 };
      default:
        return state;
    }
  },
};

export const contextFor = (commandId: string): CommandContext => ({
  actor: { id: 'e-1', role: 'staff', bu: 'bu-1' },
  now: new Date('2026-03-02T02:00:00.000Z'),
  commandId,
  correlationId: `corr-${commandId}`,
});
