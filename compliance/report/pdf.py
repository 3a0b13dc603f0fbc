"""Provides the PDF report: the HTML report laid out by WeasyPrint (the ``pdf`` extra).

- Nothing is fetched: the URL fetcher refuses every URL and stops the rendering, since a report is
  self-contained and a fetch can only come from hostile or broken input (WeasyPrint's security
  notes: ``file://`` reads, network requests, attachments).
- The same input gives the same bytes: the creation and modification dates come from
  ``SOURCE_DATE_EPOCH`` when it is set, else from the assessment's date; the PDF identifier is
  derived from the HTML. Fonts and library versions differ between machines, so a verifier checks a
  PDF's digest and never re-renders it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from typing import Any

from compliance.errors import ReportError

__all__ = ["deny_all_fetcher", "html_to_pdf", "source_date"]


def source_date(default: dt.date) -> dt.datetime:
    """The document date: ``SOURCE_DATE_EPOCH`` when set, else midnight UTC of ``default``."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise ReportError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {raw!r}"
            ) from None
    return dt.datetime(default.year, default.month, default.day, tzinfo=dt.UTC)


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise ReportError(
            "PDF reports need WeasyPrint and Pango: install the 'pdf' extra "
            f"(pip install 'compliance-ma[pdf]') and the Pango library ({error})"
        ) from None
    return weasyprint


def deny_all_fetcher() -> Any:
    """A WeasyPrint URL fetcher that refuses every URL and stops the rendering."""
    weasyprint = _weasyprint()
    from weasyprint.urls import FatalURLFetchingError

    class DenyAll(weasyprint.URLFetcher):  # type: ignore[misc,name-defined]
        def fetch(self, url: str, headers: object = None) -> Any:
            raise FatalURLFetchingError(f"reports load nothing from outside: refused {url[:80]!r}")

    return DenyAll(fail_on_errors=True)


def html_to_pdf(html: str, *, date: dt.date) -> bytes:
    """The PDF of a self-contained HTML document; raises :class:`ReportError` on any fetch."""
    weasyprint = _weasyprint()
    from weasyprint.urls import FatalURLFetchingError

    when = source_date(date).strftime("%Y-%m-%dT%H:%M:%SZ")
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        document = weasyprint.HTML(
            string=html, base_url=None, url_fetcher=deny_all_fetcher()
        ).render()
        document.metadata.created = when
        document.metadata.modified = when
        document.metadata.attachments = []
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        pdf = document.write_pdf(pdf_identifier=identifier)
    except FatalURLFetchingError as error:
        raise ReportError(f"the PDF was not written: {error.__cause__ or error}") from None
    if not isinstance(pdf, bytes):  # pragma: no cover - write_pdf without a target returns bytes
        raise ReportError("WeasyPrint returned no PDF")
    return pdf
