"""Provides the Textual terminal UI, a thin face on the domain services."""
