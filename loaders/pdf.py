"""PDF minutes (the printed minutes most councils publish), read with pypdf.

Lines wrapped by the PDF layout are joined back into paragraphs so that sentences spanning two
lines stay one sentence; a line starting with a bullet or number keeps its own paragraph.
"""

from __future__ import annotations

import io
import logging
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


MAX_TEXT = 32 * 1024 * 1024  # characters of text from one PDF; more is refused (a decompression bomb)


def load(data: bytes, path: str, info: SourceInfo) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not the user's business
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many "protected" minutes open with the empty password
            except (DependencyError, NotImplementedError) as exc:
                raise InputError(f"encrypted PDF that cannot be opened here: {exc}", path=path) from None
            if not opened:
                raise InputError("encrypted PDF: needs a password", path=path)
        pages = []
        size = 0
        for page in reader.pages:
            text = _page_text(page)
            size += len(text)
            if size > MAX_TEXT:
                raise InputError(f"PDF text is over the {MAX_TEXT // 2**20} M character limit", path=path)
            pages.append(text)
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError("encrypted PDF: needs a password", path=path) from None
    except RecursionError:
        raise InputError("unreadable PDF: nested too deeply", path=path) from None
    except MemoryError:
        raise InputError("unreadable PDF: too large to decompress", path=path) from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files; one bad PDF is a skip
        raise InputError(f"unreadable PDF: {exc}", path=path) from exc
    # each page reflowed on its own (a page break ends a paragraph, as a blank line does), so the
    # offset where every page starts is known and evidence can name its page
    parts, starts, at = [], [], 0
    for page in pages:
        starts.append(at)
        part = reflow(page) + "\n"
        parts.append(part)
        at += len(part)
    text = "".join(parts)
    if not text.strip():
        raise InputError("PDF has no extractable text (scanned image?)", path=path)
    return Document(source=path, text=text, format="pdf", info=info, page_starts=tuple(starts))


register_loader(Loader("pdf", (".pdf",), sniff, load))
