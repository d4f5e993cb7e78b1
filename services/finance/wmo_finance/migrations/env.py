from wmo_finance.db.models import SCHEMA, metadata
from wmo_shared.db.migrate import run_env

run_env(metadata, SCHEMA)
