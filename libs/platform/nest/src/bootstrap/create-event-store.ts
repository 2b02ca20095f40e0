import { EventStore, EventStoreDbEventStore, PostgresEventStore } from '@crm/event-store';
import type { Pool } from 'pg';
import type { PlatformConfig } from '../config/platform-config';

/** The adapter named by EVENT_STORE, ready to use (PostgreSQL: schema migrated). */
export const createEventStore = async (
  config: PlatformConfig,
  pool: Pool,
  schema: string,
): Promise<EventStore> => {
  switch (config.EVENT_STORE) {
    case 'postgres': {
      const store = new PostgresEventStore({ pool, schema });
      await store.migrate();
      return store;
    }
    case 'eventstoredb':
      // Stream names are not namespaced per service and $all spans the whole server, so each
      // service needs its own EventStoreDB/KurrentDB server (docs/decisions.md). Never run against
      // a server here (no Docker): see the adapter's contract suite, which runs when ESDB_URL is set.
      if (!config.ESDB_URL) throw new Error('EVENT_STORE=eventstoredb needs ESDB_URL');
      return new EventStoreDbEventStore({ connectionString: config.ESDB_URL });
  }
};
