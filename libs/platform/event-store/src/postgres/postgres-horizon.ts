/**
 * The gap-safe horizon of one store (docs/reliability.md, "The log horizon"): the lowest top-level
 * transaction id still running, at the statement's snapshot, among transactions that could append
 * to `<schema>.events`; the snapshot's xmax when there is none. Every event below it is final.
 *
 * A running transaction is left out only when pg_stat_activity positively shows it in another
 * database, or in a session whose login role can neither insert into the table nor become its owner
 * (the analyst, another service's writer). Anything not shown there — a transaction that ended after
 * the snapshot, a prepared transaction, a background process without a role — counts, so a reader
 * can only wait too long, never pass a writer. Transactions that have not taken an xid yet need no
 * entry: xids are handed out in increasing order, so theirs will be at least the snapshot's xmax.
 */
const canWrite = (s: string, who: string): string =>
  `(pg_has_role(${who}, (select relowner from pg_class where oid = '${s}.events'::regclass), 'MEMBER')
    or has_table_privilege(${who}, '${s}.events'::regclass, 'INSERT'))`;

const NOT_A_WRITER = (s: string): string => `exists (
    select 1 from pg_stat_activity a
    where a.backend_xid = x.xid::xid
      and (a.datid is distinct from (select oid from pg_database where datname = current_database())
           or not ${canWrite(s, 'a.usesysid')}))`;

export const writerHorizon = (s: string): string => `(
  select coalesce(min(x.xid), pg_snapshot_xmax(pg_current_snapshot()))
  from pg_snapshot_xip(pg_current_snapshot()) as x(xid)
  where not ${NOT_A_WRITER(s)})`;

/** TEST ONLY: the whole cluster's oldest running transaction (the rule before roles). */
export const clusterHorizon = `pg_snapshot_xmin(pg_current_snapshot())`;

/**
 * The transactions the horizon waits for, oldest first, with how many committed events wait behind
 * each (capped): what /health/ready names when the log stalls.
 */
export const horizonHoldersSql = (s: string, cap: number): string => `
  select x.xid::text as xid, a.pid, coalesce(a.usename, p.owner) as role,
         coalesce(a.datname, p.database) as database, a.application_name, a.state,
         extract(epoch from clock_timestamp() - coalesce(a.xact_start, p.prepared))::float8 as age_seconds,
         (select count(*)::int from (select 1 from ${s}.events e where e.transaction_id > x.xid
                                     limit ${cap}) w) as waiting_events
  from pg_snapshot_xip(pg_current_snapshot()) as x(xid)
  left join pg_stat_activity a on a.backend_xid = x.xid::xid
  left join pg_prepared_xacts p on p.transaction = x.xid::xid
  where not ${NOT_A_WRITER(s)}
  order by x.xid`;
