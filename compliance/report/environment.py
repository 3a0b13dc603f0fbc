"""Provides the Jinja environments reports render with, and the Markdown escaping.

Both environments load only the templates shipped in ``report_templates/`` and use
:class:`~jinja2.StrictUndefined`; their ``finalize`` refuses ``None``, so a value a template forgot
to handle fails loudly instead of printing "None". User data is only ever passed as variables, never
compiled as a template, so there is no untrusted template to sandbox: the sandbox was measured to
cost two thirds of the render time (its per-attribute checks) and is not used (ADR 0004).

- Typography: the filters ``label`` (``Comment:`` / ``Commentaire :``), ``typeset`` (our own
  wording in the report's typography), ``num`` and ``pct`` come from :mod:`compliance.typography`
  and read the language from ``doc.lang``; user text is never passed through ``typeset``.
- Direction: the filter ``ltr`` isolates a Latin identifier (control id, digest, key id, file
  name) in a right-to-left report so the bidi algorithm cannot reorder it against the Arabic around
  it: ``<bdi dir="ltr">`` in HTML, U+2068 FSI ... U+2069 PDI in Markdown (ADR 0025). The filter
  ``isolate`` does the same for user text in either script (a name, a city), its direction taken
  from its first strong letter (``<bdi>``, FSI). In a left-to-right report both return the value
  unchanged.
- HTML: autoescape on for every template.
- Markdown: no HTML autoescape; instead ``finalize`` backslash-escapes every printed value with
  :func:`md_escape` (CommonMark allows a backslash before any ASCII punctuation), so markup in user
  text prints literally. Template text itself is never escaped.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from compliance.errors import ReportError

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = ["environment", "md_escape"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!$])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+)([.)](?=\s|$))?")
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")
"""Runs of spaces and line breaks, joined into one space; a no-break space stays what it is."""


def md_escape(value: object) -> str:
    """``value`` as Markdown that prints it literally, on one line."""
    text = _SPACES.sub(" ", str(value))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_line_start, text, count=1)


def _escape_line_start(match: re.Match[str]) -> str:
    space, mark, dot = match.group(1), match.group(2), match.group(3)
    if mark.isdigit():  # an ordered-list marker: escape its dot or parenthesis
        return f"{space}{mark}\\{dot}" if dot else match.group(0)
    return f"{space}\\{mark}"


def _refuse_none(value: Any) -> Any:
    if value is None:
        raise ReportError("a report template printed a missing value (None)")
    return value


def _finalize_md(value: Any) -> str:
    return md_escape(_refuse_none(value))


def _lang(context: Any) -> str:
    return str(context["doc"].lang)


def _filters(kind: str) -> dict[str, Any]:
    from jinja2 import pass_context

    from compliance import typography

    @pass_context
    def label(context: Any, text: str) -> str:
        return typography.label(str(text), _lang(context))

    @pass_context
    def typeset(context: Any, text: str) -> str:
        return typography.typeset(str(text), _lang(context))

    @pass_context
    def num(context: Any, value: Any, places: int | None = 2) -> str:
        return typography.number(value, _lang(context), places)

    @pass_context
    def pct(context: Any, value: Any, places: int | None = None) -> str:
        return typography.percent(value, _lang(context), places)

    return {"label": label, "typeset": typeset, "num": num, "pct": pct}


def _direction_filters(kind: str, rtl: bool) -> dict[str, Any]:
    """``ltr`` and ``isolate``: plain functions, chosen once per environment, since they run for
    every identifier of a report (a context lookup each cost the HTML report its budget)."""
    from markupsafe import Markup, escape

    from compliance.report.bidi import FSI, PDI

    def same(value: Any) -> Any:
        return value

    if not rtl:
        return {"ltr": same, "isolate": same}
    html = kind == "html"

    # The value is escaped before it is placed; the rest is literal markup (hence the noqa).
    def ltr(value: Any) -> Any:
        if value is None:
            return value
        if html:
            return Markup(f'<bdi dir="ltr">{escape(value)}</bdi>')  # noqa: S704
        return f"{FSI}{value}{PDI}"

    def isolate(value: Any) -> Any:
        if value is None:
            return value
        if isinstance(value, str) and value.startswith(FSI) and value.endswith(PDI):
            return value  # the view isolated it already (a country with its code)
        if html:
            return Markup(f"<bdi>{escape(value)}</bdi>")  # noqa: S704
        return f"{FSI}{value}{PDI}"

    return {"ltr": ltr, "isolate": isolate}


@cache
def environment(kind: str, rtl: bool = False) -> Environment:
    """The shared environment for ``html`` or ``md`` templates, for a left-to-right document or
    (``rtl``) a right-to-left one: they differ only in the ``ltr`` and ``isolate`` filters."""
    made = _environment(kind)
    made.filters.update(_filters(kind))
    made.filters.update(_direction_filters(kind, rtl))
    return made


def _environment(kind: str) -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from compliance.paths import report_templates_dir

    loader = FileSystemLoader(str(report_templates_dir()))
    if kind == "html":
        return Environment(
            loader=loader,
            autoescape=True,
            undefined=StrictUndefined,
            finalize=_refuse_none,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
    if kind == "md":
        # Markdown, not HTML: finalize escapes every printed value for Markdown instead.
        return Environment(
            loader=loader,
            autoescape=False,  # noqa: S701
            undefined=StrictUndefined,
            finalize=_finalize_md,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
    raise ValueError(f"unknown template kind {kind!r}")
