"""Provides :class:`Brand`: a firm's name, logo, two colours and a footer line on its reports.

A branding file is YAML (``--brand BRAND.yaml``)::

    firm: Cabinet Conseil Data
    logo: logo.png            # a PNG, at most 2 MB, relative to the branding file
    colours: {primary: "#1f3a5f", secondary: "#eef2f7"}
    footer: Confidential, prepared for the client's management

It applies to the HTML (and so the PDF) and the Word reports. The shipped report templates are
not changed by it (their digest is part of signed statements): the HTML report gets a style block
and a header and footer around the rendered body, all escaped.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

from compliance.errors import ReportError

__all__ = ["MAX_LOGO_BYTES", "Brand", "apply_html", "load_brand"]

MAX_LOGO_BYTES = 2 * 1024 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_FIELDS = {"firm", "logo", "colours", "footer"}


@dataclass(frozen=True, slots=True)
class Brand:
    """What a branding file gives."""

    firm: str
    primary: str
    secondary: str
    footer: str | None = None
    logo: bytes | None = None
    """The logo's PNG bytes, checked."""
    logo_size: tuple[int, int] | None = None
    """The logo's width and height in pixels."""


def _logo(value: object, base: Path, where: str) -> tuple[bytes, tuple[int, int]]:
    if not isinstance(value, str) or not value.strip():
        raise ReportError(f"{where}: 'logo' must be the path of a PNG file")
    path = (base / value).resolve() if not Path(value).is_absolute() else Path(value)
    if path.is_dir():
        raise ReportError(f"{where}: the logo {path} is a folder; give the path of a PNG file")
    try:
        size = path.stat().st_size
    except OSError:
        raise ReportError(f"{where}: the logo {path} does not exist; check the path") from None
    if size > MAX_LOGO_BYTES:
        raise ReportError(
            f"{where}: the logo {path} is {size / 1_048_576:.1f} MB, over the 2 MB a logo may "
            "have; save a smaller PNG"
        )
    with path.open("rb") as handle:
        data = handle.read(MAX_LOGO_BYTES + 1)
    if len(data) > MAX_LOGO_BYTES:
        raise ReportError(f"{where}: the logo {path} is over 2 MB; save a smaller PNG")
    if not data.startswith(_PNG) or len(data) < 24 or data[12:16] != b"IHDR":
        raise ReportError(f"{where}: the logo {path} is not a PNG image; export it as PNG")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if not (0 < width <= 10_000 and 0 < height <= 10_000):
        raise ReportError(f"{where}: the logo {path} has an impossible size {width}x{height}")
    return data, (width, height)


def load_brand(path: Path) -> Brand:
    """Reads and checks a branding file; one clear :class:`ReportError` per problem."""
    from compliance.errors import LoadError
    from compliance.safeyaml import parse_yaml, read_bytes

    where = str(path)
    try:
        data = parse_yaml(read_bytes(path, max_bytes=64 * 1024, what="branding file"), where).data
    except LoadError as error:
        raise ReportError(str(error)) from None
    if not isinstance(data, dict):
        raise ReportError(f"{where}: a branding file is a mapping with firm, logo, colours, footer")
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise ReportError(f"{where}: unknown field {unknown[0]!r}; use firm, logo, colours, footer")
    firm = data.get("firm")
    if not isinstance(firm, str) or not firm.strip() or len(firm) > 200:
        raise ReportError(f"{where}: 'firm' must be the firm's name (at most 200 characters)")
    colours = data.get("colours") or {}
    if not isinstance(colours, dict) or set(colours) - {"primary", "secondary"}:
        raise ReportError(f"{where}: 'colours' holds primary and secondary, as #RRGGBB")
    primary = str(colours.get("primary", "#1f3a5f"))
    secondary = str(colours.get("secondary", "#f4f6f9"))
    for name, colour in (("primary", primary), ("secondary", secondary)):
        if not _COLOUR.match(colour):
            raise ReportError(f"{where}: colour {name} {colour!r} is not #RRGGBB")
    footer = data.get("footer")
    if footer is not None and (not isinstance(footer, str) or len(footer) > 300):
        raise ReportError(f"{where}: 'footer' must be one line of text (at most 300 characters)")
    logo, size = (None, None)
    if data.get("logo") is not None:
        logo, size = _logo(data["logo"], path.parent, where)
    return Brand(firm.strip(), primary, secondary, footer, logo, size)


def apply_html(html: str, brand: Brand) -> str:
    """The HTML report with the brand's colours, a header (logo, firm) and a footer line."""
    from markupsafe import escape

    style = (
        f"<style>:root {{ --accent: {brand.primary}; --pale: {brand.secondary}; }}\n"
        ".brand { display: flex; align-items: center; gap: 14px; padding: 8px 0 12px;"
        " border-bottom: 3px solid var(--accent); margin-bottom: 12px; }\n"
        ".brand img { max-height: 56px; max-width: 220px; }\n"
        ".brand .firm { font-weight: 700; color: var(--accent); font-size: 16px; }\n"
        ".brand-footer { margin-top: 24px; padding-top: 8px; border-top: 1px solid var(--rule);"
        " font-size: 12px; color: var(--muted); }\n"
        ".brand-running { display: none; }\n"
        "@media print {\n"
        "  .brand { position: running(brandhead); border: 0; padding: 0; margin: 0; }\n"
        "  .brand img { max-height: 9mm; }\n"
        "  .brand .firm { font-size: 8pt; }\n"
        "  .brand-footer { display: none; }\n"
        "  .brand-running { display: block; position: running(brandfoot);"
        ' font: 8pt "DejaVu Sans", sans-serif; color: #5b6576; }\n'
        "}\n"
        "@page { @top-center { content: element(brandhead); }"
        " @bottom-center { content: element(brandfoot); } }\n"
        "</style>\n"
    )
    logo = ""
    if brand.logo is not None:
        encoded = base64.b64encode(brand.logo).decode("ascii")
        logo = f'<img src="data:image/png;base64,{encoded}" alt="{escape(brand.firm)}">'
    header = f'<div class="brand">{logo}<span class="firm">{escape(brand.firm)}</span></div>\n'
    footer = running = ""
    if brand.footer:
        footer = f'<div class="brand-footer">{escape(brand.footer)}</div>\n'
        running = f'<div class="brand-running">{escape(brand.footer)}</div>\n'
    html = html.replace("</head>", style + "</head>", 1)
    html = html.replace("<body>", "<body>\n" + running + header, 1)
    return html.replace("</body>", footer + "</body>", 1)
