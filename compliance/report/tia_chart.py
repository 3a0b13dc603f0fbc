"""Provides the TIA document's chart: the sensitivity of the probability, as inline SVG.

One bar per quantitative input, drawn from the probability when that input is halved to the
probability when it is doubled (a "tornado"), the inputs ordered as the view lists them (the
dominating one first), with the computed probability and the exporter's tolerance as vertical
lines. Every text goes through :func:`markupsafe.escape` and every number is formatted here
before it is placed (plain f-strings: ``Markup.format`` cost more than the rest of the document),
so nothing from an assessment can open a tag or an attribute; there are no links, scripts or
styles.

In an Arabic document the axis is not mirrored: it is a number line of probabilities written in
Western digits (ADR 0025), 0 on the left, read like the sensitivity table's "halved" and "doubled"
columns; a mirrored axis would set those digits against their own direction. What an Arabic
reader reads from the right are the words: the chart is then an HTML table (:func:`_rtl_chart`),
the labels in cells on the right, each row's bars a small ``svg`` with no text, the legend a list,
because WeasyPrint draws SVG text glyph by glyph, without Arabic shaping or bidi (the letters came
out reversed and unjoined in the PDF). Every ``svg`` says ``direction="ltr"`` so that an ``rtl``
page does not flip its anchors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from compliance.report.bidi import html

__all__ = ["SensitivityBar", "sensitivity"]

_INK = "#1d2a3a"
_MUTED = "#5b6576"
_TRACK = "#e5e8ee"
_LOW = "#2e7d32"
_HIGH = "#c2410c"
_TOLERANCE = "#8b1a1a"
_LABEL_WIDTH = 230.0
_PLOT_WIDTH = 330.0
_ROW = 24.0
_TOP = 22.0
_MAX_LABEL = 34


@dataclass(frozen=True, slots=True)
class SensitivityBar:
    """One input of the sensitivity chart: its name and the probability at half and double."""

    label: str
    halved: Decimal
    doubled: Decimal


def _n(value: float) -> str:
    return f"{value:.2f}"


def _short(label: str) -> str:
    """``label`` cut to fit, an isolate it cuts into closed again (U+2069)."""
    if len(label) <= _MAX_LABEL:
        return label
    short = label[: _MAX_LABEL - 1].rstrip() + "…"
    return short + "\u2069" * max(0, short.count("\u2068") - short.count("\u2069"))


def _scale(bars: Sequence[SensitivityBar], base: Decimal, tolerance: Decimal | None) -> float:
    """The largest probability drawn, with some room, so every bar and line fits."""
    values = [float(base), *(float(b.doubled) for b in bars), *(float(b.halved) for b in bars)]
    if tolerance is not None:
        values.append(float(tolerance))
    top = max(values, default=0.0)
    return min(1.0, top * 1.15) if top > 0 else 1.0


def sensitivity(
    bars: Sequence[SensitivityBar],
    base: Decimal,
    tolerance: Decimal | None,
    *,
    label: str,
    legend: tuple[str, str, str, str],
    axis: tuple[str, str],
    rtl: bool = False,
) -> Markup:
    """The sensitivity chart.

    ``label`` is the accessible name; ``legend`` the words for (halved, doubled, computed
    probability, tolerance) as the document writes them (the last two with their values);
    ``axis`` the texts at the two ends of the axis (``0 %`` and the largest value shown). Every
    text is escaped (:func:`markupsafe.escape`); every number is formatted here. ``rtl``: the
    words are Arabic (see the module's note on direction).
    """
    scale = _scale(bars, base, tolerance)
    if rtl:
        return _rtl_chart(bars, base, tolerance, scale, label=label, legend=legend, axis=axis)

    def words(text: str) -> Markup:
        return escape(text)

    def x(value: Decimal | float) -> str:
        return _n(_LABEL_WIDTH + _PLOT_WIDTH * min(1.0, max(0.0, float(value))) / scale)

    parts: list[str] = []
    height = _TOP + _ROW * max(1, len(bars))
    mid = x(base)
    for index, item in enumerate(bars):
        y = _TOP + _ROW * index
        parts.append(
            f'<text x="{_n(_LABEL_WIDTH - 8)}" y="{_n(y + 11)}" text-anchor="end" font-size="11" '
            f'fill="{_INK}">{words(_short(item.label))}</text>'
            f'<rect x="{_n(_LABEL_WIDTH)}" y="{_n(y)}" width="{_n(_PLOT_WIDTH)}" height="14" '
            f'fill="{_TRACK}"/>'
        )
        low, high = x(item.halved), x(item.doubled)
        if float(mid) > float(low):
            parts.append(
                f'<rect x="{low}" y="{_n(y)}" width="{_n(float(mid) - float(low))}" height="14" '
                f'fill="{_LOW}"/>'
            )
        if float(high) > float(mid):
            parts.append(
                f'<rect x="{mid}" y="{_n(y)}" width="{_n(float(high) - float(mid))}" '
                f'height="14" fill="{_HIGH}"/>'
            )
    parts.append(
        f'<line x1="{mid}" y1="{_n(_TOP - 6)}" x2="{mid}" y2="{_n(height)}" stroke="{_INK}" '
        'stroke-width="2"/>'
    )
    if tolerance is not None:
        at = x(tolerance)
        parts.append(
            f'<line x1="{at}" y1="{_n(_TOP - 6)}" x2="{at}" y2="{_n(height)}" '
            f'stroke="{_TOLERANCE}" stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
    parts.append(
        f'<text x="{_n(_LABEL_WIDTH)}" y="{_n(height + 13)}" font-size="10" fill="{_MUTED}">'
        f"{escape(axis[0])}</text>"
        f'<text x="{_n(_LABEL_WIDTH + _PLOT_WIDTH)}" y="{_n(height + 13)}" text-anchor="end" '
        f'font-size="10" fill="{_MUTED}">{escape(axis[1])}</text>'
    )
    total_width = _LABEL_WIDTH + _PLOT_WIDTH + 10
    legend_y = height + 32
    legend_x = 0.0
    shown = legend if tolerance is not None else legend[:3]
    marks = (
        f'<rect x="{{x}}" y="{{y}}" width="11" height="11" fill="{_LOW}"/>',
        f'<rect x="{{x}}" y="{{y}}" width="11" height="11" fill="{_HIGH}"/>',
        f'<line x1="{{x}}" y1="{{y}}" x2="{{x}}" y2="{{y2}}" stroke="{_INK}" stroke-width="2"/>',
        f'<line x1="{{x}}" y1="{{y}}" x2="{{x}}" y2="{{y2}}" stroke="{_TOLERANCE}" '
        'stroke-width="1.5" stroke-dasharray="3 2"/>',
    )
    for mark, text in zip(marks, shown, strict=False):
        width = 30 + 6.2 * len(text)
        if legend_x and legend_x + width > total_width:  # the next line
            legend_x, legend_y = 0.0, legend_y + 18
        parts.append(
            mark.format(x=_n(legend_x + 5), y=_n(legend_y - 10), y2=_n(legend_y + 1))
            + f'<text x="{_n(legend_x + 16)}" y="{_n(legend_y)}" font-size="11" fill="{_INK}">'
            f"{words(text)}</text>"
        )
        legend_x += width
    total_height = legend_y + 8
    name = escape(label)
    # Every text above went through escape() and every number through _n(): safe to mark.
    return Markup(  # noqa: S704
        f'<svg class="sensitivity" viewBox="0 0 {_n(total_width)} {_n(total_height)}" '
        f'width="{_n(total_width)}" height="{_n(total_height)}" direction="ltr" role="img" '
        f'aria-label="{name}"><title>{name}</title>{"".join(parts)}</svg>'
    )


def _rtl_chart(
    bars: Sequence[SensitivityBar],
    base: Decimal,
    tolerance: Decimal | None,
    scale: float,
    *,
    label: str,
    legend: tuple[str, str, str, str],
    axis: tuple[str, str],
) -> Markup:
    """The chart for a right-to-left document: an HTML table of rows (label, bars), see above."""
    width = _PLOT_WIDTH

    def x(value: Decimal | float) -> float:
        return width * min(1.0, max(0.0, float(value))) / scale

    mid = x(base)
    at = None if tolerance is None else x(tolerance)

    def lines(height: float) -> str:
        drawn = (
            f'<line x1="{_n(mid)}" y1="0" x2="{_n(mid)}" y2="{_n(height)}" stroke="{_INK}" '
            'stroke-width="2"/>'
        )
        if at is not None:
            drawn += (
                f'<line x1="{_n(at)}" y1="0" x2="{_n(at)}" y2="{_n(height)}" '
                f'stroke="{_TOLERANCE}" stroke-width="1.5" stroke-dasharray="5 3"/>'
            )
        return drawn

    def strip(body: str, height: float) -> str:
        return (
            f'<svg viewBox="0 0 {_n(width)} {_n(height)}" width="{_n(width)}" '
            f'height="{_n(height)}" direction="ltr" aria-hidden="true">{body}</svg>'
        )

    rows = []
    for item in bars:
        low, high = x(item.halved), x(item.doubled)
        body = f'<rect x="0" y="5" width="{_n(width)}" height="14" fill="{_TRACK}"/>'
        if mid > low:
            body += f'<rect x="{_n(low)}" y="5" width="{_n(mid - low)}" height="14" fill="{_LOW}"/>'
        if high > mid:
            body += (
                f'<rect x="{_n(mid)}" y="5" width="{_n(high - mid)}" height="14" fill="{_HIGH}"/>'
            )
        rows.append(
            f'<tr><th scope="row">{html(_short(item.label))}</th>'
            f'<td class="bars">{strip(body + lines(_ROW), _ROW)}</td></tr>'
        )
    scale_row = (
        f'<text x="0" y="12" font-size="10" fill="{_MUTED}">{escape(axis[0])}</text>'
        f'<text x="{_n(width)}" y="12" text-anchor="end" font-size="10" fill="{_MUTED}">'
        f"{escape(axis[1])}</text>"
    )  # digits only: safe for WeasyPrint's SVG text
    rows.append(f'<tr><th></th><td class="bars">{strip(scale_row, 16)}</td></tr>')
    marks = (
        f'<rect x="0" y="0" width="11" height="11" fill="{_LOW}"/>',
        f'<rect x="0" y="0" width="11" height="11" fill="{_HIGH}"/>',
        f'<line x1="5" y1="0" x2="5" y2="11" stroke="{_INK}" stroke-width="2"/>',
        f'<line x1="5" y1="0" x2="5" y2="11" stroke="{_TOLERANCE}" stroke-width="1.5" '
        'stroke-dasharray="3 2"/>',
    )
    shown = legend if tolerance is not None else legend[:3]
    items = "".join(
        f'<li><svg viewBox="0 0 11 11" width="11" height="11" direction="ltr" '
        f'aria-hidden="true">{mark}</svg> {escape(text)}</li>'
        for mark, text in zip(marks, shown, strict=False)
    )
    name = escape(label)
    # Every text above went through escape() and every number through _n(): safe to mark.
    return Markup(  # noqa: S704
        f'<table class="sensitivity" role="img" aria-label="{name}">{"".join(rows)}</table>'
        f'<ul class="tia-legend">{items}</ul>'
    )
