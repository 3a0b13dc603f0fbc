"""Provides the PDF report: the HTML report laid out by WeasyPrint (the ``pdf`` extra).

- Nothing is fetched: the URL fetcher refuses every URL and stops the rendering, since a report is
  self-contained and a fetch can only come from hostile or broken input (WeasyPrint's security
  notes: ``file://`` reads, network requests, attachments).
- The same input gives the same bytes, with no environment variable: the creation and
  modification dates are midnight UTC of the assessment's date (``SOURCE_DATE_EPOCH`` is not
  read: a signed PDF must not depend on the signer's environment), the PDF identifier is derived
  from the HTML, and the embedded font subsets keep their font's own date. WeasyPrint subsets
  fonts with HarfBuzz when ``libharfbuzz-subset`` is installed and with fontTools otherwise;
  fontTools stamps each subset with the current time unless told not to, which
  :func:`_fonts_keep_their_dates` does. Fonts and library versions still differ between machines,
  so ``verify --pdf`` (re-render and compare) holds only on the same toolchain.
- An Arabic PDF needs a font that covers Arabic (:data:`ARABIC_FONTS`, the stylesheet's stack for
  ``:lang(ar)``). Fontconfig is asked for one before the layout; with none installed the PDF is
  refused in one sentence naming the package (:data:`ARABIC_FONT_HINT`), rather than written with
  whatever glyphs a fallback has or boxes in their place (ADR 0027).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import logging
from typing import Any

from compliance.errors import ReportError

__all__ = [
    "ARABIC_FONTS",
    "ARABIC_FONT_HINT",
    "INSTALL_HINT",
    "arabic_font",
    "deny_all_fetcher",
    "html_to_pdf",
    "source_date",
]

INSTALL_HINT = (
    "install the 'pdf' extra (pip install '.[pdf]' in the toolkit's folder) and the Pango and "
    "HarfBuzz-subset libraries (Debian: apt install libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0)"
)
"""The one install hint for PDF reports, the README's."""

ARABIC_FONTS = ("Noto Naskh Arabic",)
"""The families the stylesheet asks for Arabic text, in its order (``style.css``, ``:lang(ar)``)."""

ARABIC_FONT_HINT = (
    "an Arabic PDF report needs the Noto Naskh Arabic font, which is not installed: install it "
    "(Debian: apt install fonts-noto-core) or write the report as HTML or Markdown"
)
"""The one sentence an Arabic PDF is refused with when its font is missing (the README's)."""


def source_date(default: dt.date) -> dt.datetime:
    """The document date: midnight UTC of ``default`` (the assessment's date)."""
    return dt.datetime(default.year, default.month, default.day, tzinfo=dt.UTC)


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise ReportError(
            f"PDF reports need WeasyPrint and Pango: {INSTALL_HINT} ({error})"
        ) from None
    _fonts_keep_their_dates()
    return weasyprint


def _fonts_keep_their_dates() -> None:
    """Makes WeasyPrint's fontTools subsets keep the font's own ``head.modified`` date.

    WeasyPrint builds every ``TTFont`` it saves in ``weasyprint.pdf.fonts``; fontTools rewrites
    the date on save unless ``recalcTimestamp`` is false. The class there is replaced (once) by one
    that defaults it to false; nothing else changes.
    """
    fonts = importlib.import_module("weasyprint.pdf.fonts")
    current = getattr(fonts, "TTFont", None)
    if current is None or getattr(current, "keeps_dates", False):
        return

    class DatedTTFont(current):  # type: ignore[misc,valid-type]
        keeps_dates = True

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("recalcTimestamp", False)
            super().__init__(*args, **kwargs)

    setattr(fonts, "TTFont", DatedTTFont)  # noqa: B010 - a module attribute mypy cannot see


def deny_all_fetcher(*, inline_png: bool = False) -> Any:
    """A WeasyPrint URL fetcher that refuses every URL and stops the rendering.

    With ``inline_png`` (a branded report, whose logo the toolkit itself inlined), an inline
    ``data:image/png;base64,`` image is read from the URL itself; nothing else ever is.
    """
    weasyprint = _weasyprint()
    from weasyprint.urls import FatalURLFetchingError

    class DenyAll(weasyprint.URLFetcher):  # type: ignore[misc,name-defined]
        def fetch(self, url: str, headers: object = None) -> Any:
            if inline_png and url.startswith("data:image/png;base64,"):
                return super().fetch(url, headers)
            raise FatalURLFetchingError(f"reports load nothing from outside: refused {url[:80]!r}")

    return DenyAll(fail_on_errors=True)


def arabic_font() -> str | None:
    """The first of :data:`ARABIC_FONTS` fontconfig has, ``None`` when it has none of them.

    Fontconfig always answers a match with some font; the family it returns tells whether the one
    asked for is installed.
    """
    _weasyprint()
    from weasyprint.text.ffi import ffi, fontconfig

    for family in ARABIC_FONTS:
        pattern = fontconfig.FcPatternCreate()
        try:
            fontconfig.FcPatternAddString(pattern, b"family", family.encode("utf-8"))
            fontconfig.FcConfigSubstitute(ffi.NULL, pattern, fontconfig.FcMatchPattern)
            fontconfig.FcDefaultSubstitute(pattern)
            result = ffi.new("FcResult *")
            match = fontconfig.FcFontMatch(ffi.NULL, pattern, result)
            if match == ffi.NULL:
                continue
            try:
                name = ffi.new("FcChar8 **")
                found = fontconfig.FcPatternGetString(match, b"family", 0, name)
                if found == fontconfig.FcResultMatch and ffi.string(name[0]) == family.encode():
                    return family
            finally:
                fontconfig.FcPatternDestroy(match)
        finally:
            fontconfig.FcPatternDestroy(pattern)
    return None


def html_to_pdf(
    html: str, *, date: dt.date, inline_png: bool = False, lang: str | None = None
) -> bytes:
    """The PDF of a self-contained HTML document; raises :class:`ReportError` on any fetch
    (``inline_png``: see :func:`deny_all_fetcher`) and, for an Arabic document (``lang="ar"``),
    when no font covering Arabic is installed."""
    weasyprint = _weasyprint()
    if lang == "ar" and arabic_font() is None:
        raise ReportError(ARABIC_FONT_HINT)
    from weasyprint.urls import FatalURLFetchingError

    when = source_date(date).strftime("%Y-%m-%dT%H:%M:%SZ")
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        document = weasyprint.HTML(
            string=html, base_url=None, url_fetcher=deny_all_fetcher(inline_png=inline_png)
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
