"""Statuses and the schema version: cheap to import (the migrations that use them import
sqlite-utils, which start-up does not need when a file is already current)."""

THESIS_STATUSES = ("draft", "active", "watch", "confirmed", "broken", "closed")
RISK_STATUSES = ("open", "materialised", "retired")
CATALYST_STATUSES = ("pending", "done", "missed", "cancelled")
# Theses with one of these statuses are settled: their reviews no longer come due.
SETTLED_STATUSES = ("confirmed", "broken", "closed")

SCHEMA_VERSION = 5
