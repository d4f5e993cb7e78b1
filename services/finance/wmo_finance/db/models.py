"""Finance's tables, all in schema ``finance``."""

from __future__ import annotations

from sqlalchemy import MetaData

from wmo_shared.db.tables import audit_table, idempotency_table, inbox_table, outbox_table

SCHEMA = "finance"
metadata = MetaData(schema=SCHEMA)

audit = audit_table(metadata)
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
idempotency_keys = idempotency_table(metadata)
