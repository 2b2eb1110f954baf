"""The database file and its safety: opening, schema, backups, clean-close notes, recovery,
the instance lock and warnings about where the file lives."""
