"""Provides the migration scripts, one per schema revision, oldest first."""
