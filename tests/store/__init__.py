"""Tests of the workspace store, run against SQLite and a real PostgreSQL server."""
