"""Provides right to left for the Word report (OOXML), used by :mod:`compliance.report.docx`.

What Word and LibreOffice need to lay out an Arabic document properly, and what this module writes:

- every paragraph ``<w:bidi/>`` (right-to-left paragraph: starts on the right, lists and
  indents mirrored), every table ``<w:bidiVisual/>`` (first column on the right), the section
  ``<w:bidi/>``;
- the text cut into runs by direction (:func:`segments`): a run of Arabic ``<w:rtl/>`` with the
  complex-script font and size (``<w:rFonts w:cs="Noto Naskh Arabic"/>``, ``<w:szCs/>``, and
  ``<w:bCs/>`` where it is bold, since Word draws Arabic with the complex-script properties
  only); a run of Latin letters without ``<w:rtl/>``, so ``XFR-06``, ``sha256:…`` and ``MA``
  keep their order;
- a value isolated by the view (U+2068 FSI … U+2069 PDI, :mod:`compliance.report.bidi`) kept
  as one run of its own direction, marks included: isolated twice, for Word versions that honour
  the marks and those that only read the runs;
- the document's languages: ``w:lang w:bidi="ar-MA"`` in the defaults and the theme, the
  complex-script font named in every style instead of the theme's (a ``w:cstheme`` would win
  over ``w:cs``).

The font is the one the PDF embeds (Noto Naskh Arabic, Debian's fonts-noto-core), named and not
embedded: Word falls back to its own Arabic face where it is not installed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any, Final

from compliance.report.bidi import FSI, PDI

__all__ = [
    "ARABIC_FONT",
    "BIDI_LANG",
    "add_text",
    "cs_size",
    "prepare",
    "rtl_paragraph",
    "rtl_table",
    "run_rtl",
    "runs",
    "segments",
]

ARABIC_FONT: Final = "Noto Naskh Arabic"
BIDI_LANG: Final = "ar-MA"
_CS_SIZE_NORMAL: Final = 22
"""The Arabic body size in half-points (11 pt): Naskh reads smaller than Latin at the same size."""

_ISOLATES = {FSI, "\u2066", "\u2067"}
_STRONG_RTL = {"R", "AL"}


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _strong(text: str) -> str | None:
    """``R`` or ``L`` for the first strong character of ``text`` (its FSI direction)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _STRONG_RTL:
            return "R"
        if kind == "L":
            return "L"
    return None


def _isolate_end(text: str, start: int) -> int:
    """The index after the PDI closing the isolate opened at ``start`` (or the end)."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] in _ISOLATES:
            depth += 1
        elif text[index] == PDI:
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def _units(text: str) -> list[tuple[str, str]]:
    """``text`` as (piece, class) pairs: ``R``, ``L``, ``EN`` (a digit), ``N`` (neutral), one
    character each, or ``I`` for a whole isolate."""
    units: list[tuple[str, str]] = []
    index = 0
    while index < len(text):
        ch = text[index]
        if ch in _ISOLATES:
            end = _isolate_end(text, index)
            units.append((text[index:end], "I"))
            index = end
            continue
        kind = unicodedata.bidirectional(ch)
        if kind in _STRONG_RTL:
            units.append((ch, "R"))
        elif kind in ("L", "EN", "AN"):
            units.append((ch, "L" if kind == "L" else "EN"))
        else:
            units.append((ch, "N"))
        index += 1
    return units


def _resolve(classes: list[str]) -> list[str]:
    """Each unit's direction (``R`` or ``L``; ``I`` for an isolate) in a right-to-left
    paragraph."""
    last = "R"
    resolved: list[str] = []
    for cls in classes:  # numbers after Latin letters are Latin (W7), else right to left
        if cls in ("R", "L"):
            last = cls
        resolved.append(last if cls == "EN" else cls)
    count, position = len(resolved), 0
    while position < count:  # neutral runs: their sides' direction if equal (N1), else R (N2)
        if resolved[position] not in ("N", "I"):
            position += 1
            continue
        end = position
        while end < count and resolved[end] in ("N", "I"):
            end += 1
        before = resolved[position - 1] if position > 0 else "R"
        after = resolved[end] if end < count else "R"
        for k in range(position, end):
            if resolved[k] == "N":
                resolved[k] = before if before == after else "R"
        position = end
    return resolved


def segments(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs for a right-to-left paragraph: ``(text, rtl)`` pairs in order.

    The direction of each character is resolved as the Unicode bidirectional algorithm would in
    a right-to-left paragraph, simplified to what runs need: Arabic letters are right to left,
    Latin letters left to right; digits take the direction of the last letter before them (so
    ``ma-offshoring 1.1.0`` stays together, ``المادة 43`` too); other neutral characters take the
    direction of the letters on both sides when they agree, else the paragraph's (right to
    left: the parenthesis after an id belongs to the Arabic around it). An isolate (FSI … PDI)
    is one run in its own direction, and counts as a neutral character around it. A text with
    Latin letters and no Arabic one is a single left-to-right isolate.
    """
    kinds = {unicodedata.bidirectional(ch) for ch in text}
    if "L" in kinds and not kinds & _STRONG_RTL:
        # Latin text alone (a name, a text not translated yet): one left-to-right isolate, so
        # that its final full stop or parenthesis stays where a Latin reader puts it.
        whole = len(text) > 1 and text[0] in _ISOLATES and _isolate_end(text, 0) == len(text)
        return [(text if whole else f"{FSI}{text}{PDI}", False)]
    units = _units(text)
    runs: list[tuple[str, bool]] = []
    for (piece, cls), direction in zip(units, _resolve([c for _, c in units]), strict=True):
        if cls == "I":
            runs.extend(_isolate_runs(piece))
            continue
        rtl = direction == "R"
        if runs and runs[-1][1] == rtl and not _is_isolate(runs[-1][0]):
            runs[-1] = (runs[-1][0] + piece, rtl)
        else:
            runs.append((piece, rtl))
    return runs


def _isolate_runs(piece: str) -> list[tuple[str, bool]]:
    """An isolate's runs: one left-to-right run, or for a right-to-left one (``المغرب (MA)``)
    its own runs by direction, so that its Latin letters are not in a right-to-left run; the
    marks stay at its two ends."""
    closed = piece.endswith(PDI)
    content = piece[1:-1] if closed else piece[1:]
    if _strong(content) != "R":
        return [(piece, False)]
    inner = segments(content)
    if not inner:  # pragma: no cover - content has a strong letter
        return [(piece, True)]
    first, rtl = inner[0]
    inner[0] = (piece[0] + first, rtl)
    if closed:
        last, rtl = inner[-1]
        inner[-1] = (last + PDI, rtl)
    return inner


def _is_isolate(piece: str) -> bool:
    return bool(piece) and piece[0] in _ISOLATES


def _tags(names: str) -> tuple[str, ...]:
    return tuple(f"w:{name}" for name in names.split())


_ORDER: Final = {
    "w:rPr": _tags(
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline "
        "shadow emboss imprint noProof snapToGrid vanish webHidden color "
        "spacing w kern position sz szCs highlight u effect bdr shd "
        "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
    ),
    "w:pPr": _tags(
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
        "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
        "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
        "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
        "rPr sectPr pPrChange"
    ),
    "w:sectPr": _tags(
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar "
        "paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote "
        "titlePg textDirection bidi rtlGutter docGrid printerSettings "
        "sectPrChange"
    ),
    "w:tblPr": _tags(
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize "
        "tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd "
        "tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange"
    ),
}
"""The order of the children of the properties this module writes (ECMA-376 Part 1, 17.3-17.6):
Word refuses a document whose properties are out of order."""


def _set(parent: Any, kind: str, tag: str, **attributes: str) -> Any:
    """The child ``tag`` of ``parent`` (a ``kind`` element: ``w:rPr``, ``w:pPr`` …), created in
    its schema place if missing, with ``attributes`` set."""
    from docx.oxml import OxmlElement

    child = parent.find(_qn(tag))
    if child is None:
        child = OxmlElement(tag)
        order = _ORDER[kind]
        later = {_qn(name) for name in order[order.index(tag) + 1 :]}
        following = next((c for c in parent if c.tag in later), None)
        if following is None:
            parent.append(child)
        else:
            following.addprevious(child)
    for name, value in attributes.items():
        child.set(_qn(name), value)
    return child


def _cs_fonts(fonts: Any) -> None:
    fonts.attrib.pop(_qn("w:cstheme"), None)
    fonts.set(_qn("w:cs"), ARABIC_FONT)


def prepare(document: Any) -> None:
    """Make ``document`` (python-docx) right to left: defaults, styles, section, settings."""
    styles = document.styles.element
    defaults = styles.find(_qn("w:docDefaults"))
    if defaults is not None:
        properties = defaults.find(f"{_qn('w:rPrDefault')}/{_qn('w:rPr')}")
        if properties is not None:
            _cs_fonts(_set(properties, "w:rPr", "w:rFonts"))
            _set(properties, "w:rPr", "w:szCs", **{"w:val": str(_CS_SIZE_NORMAL)})
            _set(properties, "w:rPr", "w:lang", **{"w:bidi": BIDI_LANG})
    for fonts in styles.iter(_qn("w:rFonts")):  # styles, table-style parts, the defaults
        _cs_fonts(fonts)
    for properties in styles.iter(_qn("w:rPr")):
        if properties.find(_qn("w:b")) is not None:
            _set(properties, "w:rPr", "w:bCs")
    normal = document.styles["Normal"].element
    properties = normal.get_or_add_rPr()
    _cs_fonts(_set(properties, "w:rPr", "w:rFonts"))
    _set(properties, "w:rPr", "w:szCs", **{"w:val": str(_CS_SIZE_NORMAL)})
    _set(normal.get_or_add_pPr(), "w:pPr", "w:bidi")
    for section in document.sections:
        _set(section._sectPr, "w:sectPr", "w:bidi")
    theme = document.settings.element.find(_qn("w:themeFontLang"))
    if theme is not None:
        theme.set(_qn("w:bidi"), BIDI_LANG)


def rtl_paragraph(paragraph: Any) -> None:
    """``<w:bidi/>`` on ``paragraph``: a right-to-left paragraph."""
    _set(paragraph._p.get_or_add_pPr(), "w:pPr", "w:bidi")


def rtl_table(table: Any) -> None:
    """``<w:bidiVisual/>`` on ``table``: its first column on the right."""
    _set(table._tbl.tblPr, "w:tblPr", "w:bidiVisual")


def _rtl_run(run: Any, bold: bool, size: int) -> None:
    properties = run._r.get_or_add_rPr()
    _set(properties, "w:rPr", "w:rFonts", **{"w:cs": ARABIC_FONT})
    if bold:
        _set(properties, "w:rPr", "w:bCs")
    _set(properties, "w:rPr", "w:szCs", **{"w:val": str(size)})
    _set(properties, "w:rPr", "w:rtl")
    _set(properties, "w:rPr", "w:lang", **{"w:bidi": BIDI_LANG})


def run_rtl(run: Any, *, bold: bool = False) -> None:
    """Mark ``run`` (python-docx) as right-to-left Arabic text at the body size."""
    _rtl_run(run, bold, _CS_SIZE_NORMAL)


def cs_size(paragraph: Any) -> int:
    """The complex-script size, in half-points, of text in ``paragraph``'s style: the style's
    own (a heading's), else the body's."""
    style = paragraph.style
    while style is not None:
        properties = style.element.rPr
        size = None if properties is None else properties.find(_qn("w:szCs"))
        if size is not None and style.name != "Normal":
            return int(size.get(_qn("w:val")))
        style = style.base_style
    return _CS_SIZE_NORMAL


def runs(paragraph: Any, text: str, *, bold: bool = False) -> Iterator[Any]:
    """Add ``text`` to ``paragraph`` as runs by direction; yield each run."""
    size = cs_size(paragraph)
    for piece, rtl in segments(text):
        run = paragraph.add_run(piece)
        if bold:
            run.bold = True
        if rtl:
            _rtl_run(run, bold, size)
        yield run


def add_text(paragraph: Any, text: str, *, bold: bool = False) -> None:
    """``paragraph`` made right to left, with ``text`` added as runs by direction."""
    rtl_paragraph(paragraph)
    for _ in runs(paragraph, text, bold=bold):
        pass
