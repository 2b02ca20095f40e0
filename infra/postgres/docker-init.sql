-- Run once by the postgres image on an empty data volume (docker-compose.yml mounts it into
-- /docker-entrypoint-initdb.d). Same as infra/postgres/init.sh does for a local PostgreSQL: the
-- read-only role analysts use for the read models (architecture §6); services grant it SELECT on
-- their read schemas at boot (READ_MODEL_ROLE).
do $$ begin
  if not exists (select from pg_roles where rolname = 'crm_analyst') then
    create role crm_analyst login;
  end if;
end $$;
