"""Provides the TIA document's chart: the sensitivity of the probability, as inline SVG.

One bar per quantitative input, drawn from the probability when that input is halved to the
probability when it is doubled (a "tornado"), the inputs ordered as the view lists them (the
dominating one first), with the computed probability and the exporter's tolerance as vertical
lines. As in :mod:`compliance.report.charts`, every value goes through
:meth:`markupsafe.Markup.format` (escaped) and numbers are formatted before they are placed: nothing
from an assessment can open a tag or an attribute, and there are no links, scripts or styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

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
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1].rstrip() + "…"


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
) -> Markup:
    """The sensitivity chart.

    ``label`` is the accessible name; ``legend`` the words for (halved, doubled, computed
    probability, tolerance) as the document writes them (the last two with their values);
    ``axis`` the texts at the two ends of the axis (``0 %`` and the largest value shown).
    """
    scale = _scale(bars, base, tolerance)

    def x(value: Decimal | float) -> float:
        return _LABEL_WIDTH + _PLOT_WIDTH * min(1.0, max(0.0, float(value))) / scale

    parts: list[Markup] = []
    height = _TOP + _ROW * max(1, len(bars))
    for index, item in enumerate(bars):
        y = _TOP + _ROW * index
        parts.append(
            Markup(
                '<text x="{tx}" y="{ty}" text-anchor="end" font-size="11" fill="{ink}">{t}</text>'
                '<rect x="{x0}" y="{y}" width="{w}" height="14" fill="{track}"/>'
            ).format(
                tx=_n(_LABEL_WIDTH - 8),
                ty=_n(y + 11),
                ink=_INK,
                t=_short(item.label),
                x0=_n(_LABEL_WIDTH),
                y=_n(y),
                w=_n(_PLOT_WIDTH),
                track=_TRACK,
            )
        )
        low, mid, high = x(item.halved), x(base), x(item.doubled)
        if mid > low:
            parts.append(
                Markup('<rect x="{x}" y="{y}" width="{w}" height="14" fill="{c}"/>').format(
                    x=_n(low), y=_n(y), w=_n(mid - low), c=_LOW
                )
            )
        if high > mid:
            parts.append(
                Markup('<rect x="{x}" y="{y}" width="{w}" height="14" fill="{c}"/>').format(
                    x=_n(mid), y=_n(y), w=_n(high - mid), c=_HIGH
                )
            )
    parts.append(
        Markup(
            '<line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}" stroke="{ink}" stroke-width="2"/>'
        ).format(x=_n(x(base)), y1=_n(_TOP - 6), y2=_n(height), ink=_INK)
    )
    if tolerance is not None:
        parts.append(
            Markup(
                '<line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}" stroke="{c}" stroke-width="1.5" '
                'stroke-dasharray="5 3"/>'
            ).format(x=_n(x(tolerance)), y1=_n(_TOP - 6), y2=_n(height), c=_TOLERANCE)
        )
    parts.append(
        Markup(
            '<text x="{x0}" y="{y}" font-size="10" fill="{m}">{a}</text>'
            '<text x="{x1}" y="{y}" text-anchor="end" font-size="10" fill="{m}">{b}</text>'
        ).format(
            x0=_n(_LABEL_WIDTH),
            x1=_n(_LABEL_WIDTH + _PLOT_WIDTH),
            y=_n(height + 13),
            m=_MUTED,
            a=axis[0],
            b=axis[1],
        )
    )
    legend_y = height + 32
    swatches = (
        (_LOW, "rect", legend[0]),
        (_HIGH, "rect", legend[1]),
        (_INK, "line", legend[2]),
        (_TOLERANCE, "dash", legend[3]),
    )
    legend_x = 0.0
    for colour, kind, text in swatches:
        if kind == "dash" and tolerance is None:
            continue
        if kind == "rect":
            mark = Markup('<rect x="{x}" y="{y}" width="11" height="11" fill="{c}"/>')
        elif kind == "line":
            mark = Markup(
                '<line x1="{x}" y1="{y}" x2="{x}" y2="{y2}" stroke="{c}" stroke-width="2"/>'
            )
        else:
            mark = Markup(
                '<line x1="{x}" y1="{y}" x2="{x}" y2="{y2}" stroke="{c}" stroke-width="1.5" '
                'stroke-dasharray="3 2"/>'
            )
        parts.append(
            mark.format(x=_n(legend_x + 5), y=_n(legend_y - 10), y2=_n(legend_y + 1), c=colour)
        )
        parts.append(
            Markup('<text x="{x}" y="{y}" font-size="11" fill="{ink}">{t}</text>').format(
                x=_n(legend_x + 16), y=_n(legend_y), ink=_INK, t=text
            )
        )
        legend_x += 30 + 6.2 * len(text)
    total_width = _LABEL_WIDTH + _PLOT_WIDTH + 10
    total_height = legend_y + 8
    return Markup(
        '<svg class="sensitivity" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-label="{label}"><title>{label}</title>{body}</svg>'
    ).format(w=_n(total_width), h=_n(total_height), label=label, body=Markup("").join(parts))
