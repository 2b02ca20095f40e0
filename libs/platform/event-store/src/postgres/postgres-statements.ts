import { quoteSchema } from './sql-runner';

// Always selected from `events e`, and ordered by `e.`-qualified columns: a bare ORDER BY name would
// pick the text-cast output column below and sort positions as strings ('10' before '9').
const COLUMNS = `e.position::text as position, e.transaction_id::text as transaction_id, e.event_id::text as event_id,
  e.stream_id, e.version, e.type, e.data, e.metadata, e.recorded_at, e.prev_hash, e.hash`;

/**
 * SQL of one store, with the schema baked in. Deliberately NOT named prepared statements: a
 * connection that prepared them while `events` was empty switched to a cached generic plan that
 * seq-scans the whole table on every append and poll (measured by bench/event-store-append.ts:
 * 15-18 appends/s at 223k rows, ~1,200/s after ANALYZE). Unnamed statements get a custom plan
 * per execution for the cost of a parse.
 */
export const postgresStatements = (schema: string) => {
  const s = quoteSchema(schema);
  // The batch is one jsonb array; the head update (or creation) and the inserts form one statement,
  // so an append is a single round trip and atomic without an explicit transaction. Inserts happen
  // only when the head moved as expected and none of the ids exists yet (then the caller checks
  // for an idempotent replay instead of catching a unique violation that would poison a transaction).
  const insertEvents = `ins as (
      insert into ${s}.events (event_id, stream_id, version, type, data, metadata, prev_hash, hash)
      select e.id, $1::text, e.version, e.type, e.data, e.metadata, e.prev_hash, e.hash
      from jsonb_to_recordset($2::jsonb)
        as e(id uuid, version integer, type text, data jsonb, metadata jsonb, prev_hash text, hash text)
      where exists (select 1 from head)
      order by e.version
      returning position, transaction_id
    )
    select count(*)::int as inserted, max(position)::text as position, max(transaction_id::text) as transaction_id
    from ins`;
  const noneOfTheIds = `not exists (select 1 from ${s}.events x where x.event_id = any($3::uuid[]))`;
  return {
    createStream: {
      text: `with head as (
          insert into ${s}.streams (stream_id, version, last_hash)
          select $1::text, $4::integer, $5::text where ${noneOfTheIds}
          on conflict (stream_id) do nothing
          returning 1
        ), ${insertEvents}`,
    },
    advanceStream: {
      text: `with head as (
          update ${s}.streams set version = $4::integer, last_hash = $5::text
          where stream_id = $1::text and version = $6::integer and last_hash = $7::text and ${noneOfTheIds}
          returning 1
        ), ${insertEvents}`,
    },
    readHead: {
      text: `select version, last_hash from ${s}.streams where stream_id = $1`,
    },
    readAllSafe: {
      // Only transactions older than every running one: a writer that got its id earlier but
      // commits later can no longer slip in behind a position the reader has already passed.
      text: `select ${COLUMNS} from ${s}.events e
        where (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
          and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        order by e.transaction_id, e.position
        limit $3`,
    },
    // Committed rows only (MVCC), so this is the newest event a reader will eventually be given.
    head: `select e.transaction_id::text as transaction_id, e.position::text as position from ${s}.events e
        order by e.transaction_id desc, e.position desc limit 1`,
    readAllUnsafe: {
      text: `select ${COLUMNS} from ${s}.events e
        where (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
        order by e.transaction_id, e.position
        limit $3`,
    },
    readStream: {
      text: `select ${COLUMNS} from ${s}.events e
        where e.stream_id = $1 and e.version >= $2
          and ($3::integer is null or e.version <= $3)
          and ($4::timestamptz is null or e.recorded_at <= $4)
        order by e.version
        limit $5`,
    },
    findByIds: `select ${COLUMNS} from ${s}.events e where e.event_id = any($1::uuid[])`,
    originalAppend: `select max(version) as version, max(position)::text as position from ${s}.events
        where stream_id = $1 and transaction_id = $2::xid8`,
    lastEvent: `select version, position::text as position, transaction_id::text as transaction_id
        from ${s}.events where stream_id = $1 order by version desc limit 1`,
  };
};

export type PostgresStatements = ReturnType<typeof postgresStatements>;
