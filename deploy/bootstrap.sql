-- Used by docker-compose's PostgreSQL on first start. Kubernetes runs the same through
-- `python -m wmo_shared.db.bootstrap` as a Job (deploy/k8s/bootstrap-job.yaml).
-- Per service: a schema owned by <svc>_owner (migrations) and used by <svc>_app (the service).
\set ON_ERROR_STOP on
DO $$
DECLARE svc text;
BEGIN
  FOREACH svc IN ARRAY ARRAY['intake', 'pgb', 'indicatie', 'finance'] LOOP
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', svc || '_owner', 'compose-' || svc || '-owner');
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', svc || '_app', 'compose-' || svc || '-app');
    EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', svc, svc || '_owner');
    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', svc);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', svc, svc || '_app');
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', svc || '_owner', svc, svc || '_app');
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', svc || '_owner', svc, svc || '_app');
  END LOOP;
END $$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
