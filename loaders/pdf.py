"""PDF minutes (the printed minutes most councils publish), read with pypdf.

Lines wrapped by the PDF layout are joined back into paragraphs so that sentences spanning two
lines stay one sentence; a line starting with a bullet or number keeps its own paragraph.
"""

from __future__ import annotations

import io
import re

from councilgraph.errors import InputError

from .document import Document, SourceInfo
from .registry import Loader, register_loader

_LIST_START = re.compile(r"^\s*(?:[•·\-–*]|\(?[0-9ivxlc]{1,6}[.)]|\(?[a-z][.)]|[0-9]+\.[0-9]+)\s")


def sniff(data: bytes) -> float:
    return 1.0 if data[:1024].lstrip().startswith(b"%PDF-") else 0.0


def reflow(raw: str) -> str:
    """Join layout-wrapped lines into paragraphs; blank lines and list markers start new ones."""
    out: list[str] = []
    para: list[str] = []
    for line in raw.splitlines():
        stripped = line.strip()
        if not stripped:
            if para:
                out.append(" ".join(para))
                para = []
            continue
        if para and (_LIST_START.match(stripped) or para[-1].endswith((":",))):
            out.append(" ".join(para))
            para = []
        para.append(stripped)
    if para:
        out.append(" ".join(para))
    return "\n\n".join(out) + "\n"


def _page_text(page) -> str:
    """Layout mode keeps the blank lines between paragraphs and headings, which the plain mode
    drops (it would run "Agenda item", the title and the first paragraph together)."""
    try:
        text = page.extract_text(extraction_mode="layout")
    except Exception:  # noqa: BLE001 - layout mode fails on some odd pages; plain text still helps
        text = ""
    return text if text.strip() else (page.extract_text() or "")


def load(data: bytes, path: str, info: SourceInfo) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [_page_text(page) for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as exc:
        raise InputError(f"unreadable PDF: {exc}", path=path) from exc
    text = reflow("\n\n".join(pages))
    if not text.strip():
        raise InputError("PDF has no extractable text (scanned image?)", path=path)
    return Document(source=path, text=text, format="pdf", info=info)


register_loader(Loader("pdf", (".pdf",), sniff, load))
