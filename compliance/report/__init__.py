"""Provides reports: HTML, Markdown and PDF, in English, French or Arabic (DESIGN section 9; Arabic
right to left, ADR 0025 and 0027).

:func:`render` is the entry point. Jinja2 and WeasyPrint are imported only while a report is
rendered, never when this package is imported.
"""

from __future__ import annotations

from compliance.report.render import FORMATS, LANGUAGES, render, templates_digest

__all__ = ["FORMATS", "LANGUAGES", "render", "templates_digest"]
