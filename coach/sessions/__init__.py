"""Conversations kept: SQLite and PostgreSQL stores, migration, transcript export."""
