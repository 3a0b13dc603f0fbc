"""Provides the Alembic environment and scripts of the workspace schema (run by ``migrate``)."""
