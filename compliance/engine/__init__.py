"""Provides the scoring engine: pure functions from questionnaire and assessment to result."""
