import { describeEventStoreContract } from '../testing';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return {
    store,
    tamper: {
      alterEventData: async (streamId, version, data) => store.unsafeAlterEventData(streamId, version, data),
      deleteEvent: async (streamId, version) => store.unsafeDeleteEvent(streamId, version),
    },
    cleanup: () => store.close(),
  };
});
