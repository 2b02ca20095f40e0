import { DomainError } from '@crm/event-sourcing';
import { WrongExpectedVersionError } from '../errors';
import type { EventStore, StoredEvent } from '../event-store.port';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { contextFor, seatDecider } from './claim.fixture';
import { handleCommand } from './handle-command';

const history = async (store: EventStore, streamId: string): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
};

/** A store on which someone else appends to the stream right before our first append lands. */
const racedBy = (store: InMemoryEventStore, rival: () => Promise<unknown>): EventStore => {
  let raced = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        if (!raced) {
          raced = true;
          await rival();
        }
        return target.append(...args);
      };
    },
  });
};

describe('handleCommand', () => {
  it('loads, decides and appends with the loaded version, carrying the command metadata', async () => {
    const store = new InMemoryEventStore();
    const result = await handleCommand(
      store,
      'seat-1',
      seatDecider,
      { type: 'ClaimSeat', data: { by: 'bu-1' } },
      contextFor('c1'),
    );
    expect(result).toMatchObject({
      version: 0,
      alreadyHandled: false,
      state: { status: 'claimed', by: 'bu-1' },
    });
    const [stored] = await history(store, 'seat-1');
    expect(stored?.metadata).toMatchObject({
      commandId: 'c1',
      correlationId: 'corr-c1',
      actor: { id: 'e-1' },
    });
    expect(stored?.metadata.businessTime).toBe('2026-03-02T02:00:00.000Z');
  });

  it('does not decide a command again whose commandId is already in the stream', async () => {
    const store = new InMemoryEventStore();
    const note = { type: 'AddNote', data: { text: 'called back' } } as const;
    await handleCommand(store, 'seat-2', seatDecider, note, contextFor('c-note'));
    const again = await handleCommand(store, 'seat-2', seatDecider, note, contextFor('c-note'));
    expect(again).toMatchObject({ alreadyHandled: true, events: [{ type: 'NoteAdded' }], version: 0 });
    expect(await history(store, 'seat-2')).toHaveLength(1);
  });

  it('appends nothing when the decider decides nothing', async () => {
    const store = new InMemoryEventStore();
    const result = await handleCommand(
      store,
      'seat-3',
      seatDecider,
      { type: 'Look', data: {} },
      contextFor('c-look'),
    );
    expect(result).toMatchObject({ events: [], version: -1 });
    expect(await store.streamVersion('seat-3')).toBe(-1);
  });

  it('decides again after a concurrent append, so the loser gets the domain refusal', async () => {
    const memory = new InMemoryEventStore();
    const store = racedBy(memory, () =>
      handleCommand(
        memory,
        'seat-4',
        seatDecider,
        { type: 'ClaimSeat', data: { by: 'bu-2' } },
        contextFor('rival'),
      ),
    );
    const refusal = await handleCommand(
      store,
      'seat-4',
      seatDecider,
      { type: 'ClaimSeat', data: { by: 'bu-1' } },
      contextFor('mine'),
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ kind: 'conflict', details: { heldBy: 'bu-2' } });
    expect((await history(memory, 'seat-4')).map((e) => e.data)).toEqual([{ by: 'bu-2' }]);
  });

  it('decides again after a concurrent append and succeeds when the decision still holds', async () => {
    const memory = new InMemoryEventStore();
    const store = racedBy(memory, () =>
      handleCommand(
        memory,
        'seat-5',
        seatDecider,
        { type: 'AddNote', data: { text: 'rival' } },
        contextFor('rival'),
      ),
    );
    const result = await handleCommand(
      store,
      'seat-5',
      seatDecider,
      { type: 'AddNote', data: { text: 'mine' } },
      contextFor('mine'),
    );
    expect(result).toMatchObject({ version: 1, state: { notes: 2 } });
  });

  it('surfaces the version conflict when no retries are allowed', async () => {
    const memory = new InMemoryEventStore();
    const store = racedBy(memory, () =>
      handleCommand(
        memory,
        'seat-6',
        seatDecider,
        { type: 'AddNote', data: { text: 'rival' } },
        contextFor('rival'),
      ),
    );
    await expect(
      handleCommand(
        store,
        'seat-6',
        seatDecider,
        { type: 'AddNote', data: { text: 'mine' } },
        contextFor('mine'),
        { retries: 0 },
      ),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('with deterministic ids, a racing second delivery of one command is a replay, not a conflict', async () => {
    const note = { type: 'AddNote', data: { text: 'from a timer' } } as const;
    const race = (memory: InMemoryEventStore, deterministicIds: boolean) =>
      handleCommand(
        racedBy(memory, () =>
          handleCommand(memory, 'seat-7', seatDecider, note, contextFor('timer-1'), { deterministicIds }),
        ),
        'seat-7',
        seatDecider,
        note,
        contextFor('timer-1'),
        { deterministicIds, retries: 0 },
      );

    const deterministic = new InMemoryEventStore();
    await expect(race(deterministic, true)).resolves.toMatchObject({ version: 0 });
    expect(await history(deterministic, 'seat-7')).toHaveLength(1);

    // Random ids: the same race is a version conflict the caller has to retry.
    await expect(race(new InMemoryEventStore(), false)).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('runs effects with the decision after the append, returns their result, and skips them on a repeat', async () => {
    const store = new InMemoryEventStore();
    const claim = { type: 'ClaimSeat', data: { by: 'bu-3' } } as const;
    const seen: string[] = [];
    const effects = async ({ before, state }: { before: { status: string }; state: { status: string } }) => {
      seen.push(`${before.status}->${state.status}`);
      return (await history(store, 'seat-fx')).length;
    };
    const first = await handleCommand(store, 'seat-fx', seatDecider, claim, contextFor('c-fx'), { effects });
    expect(first.effects).toBe(1); // the append is already there when the effects run
    const again = await handleCommand(store, 'seat-fx', seatDecider, claim, contextFor('c-fx'), { effects });
    expect(again).toMatchObject({ alreadyHandled: true });
    expect(again.effects).toBeUndefined();
    expect(seen).toEqual(['free->claimed']);
  });
});
