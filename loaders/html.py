"""HTML pages saved from ModernGov sites (mgAi.aspx, mgIssueHistoryHome.aspx, ieListDocuments).

We keep block structure (paragraphs, list items, table cells become separate lines) because the
extractor relies on paragraph and bullet boundaries to pair questions with answers. Navigation,
scripts and styles are dropped; if the page has ModernGov's main content container we read only it.
"""

from __future__ import annotations

import re

from councilgraph.errors import InputError

from .decoding import decode, looks_binary
from .document import Document, SourceInfo
from .registry import Loader, register_loader

_BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "ul", "ol",
               "section", "article", "td", "th", "blockquote", "dt", "dd"}
_DROP = "script, style, noscript, nav, header, footer, form, iframe, svg"
_CONTENT = ["#modgov", "#mgContent", "div.mgContent", "main", "#content", "article", "body"]


def sniff(data: bytes) -> float:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head:
        return 0.9
    if re.search(rb"<(p|div|li|h[1-6])[\s>]", head):
        return 0.6
    return 0.0


def html_to_text(markup: str) -> str:
    """Block-aware text: one line per block element, bullets kept as '• '."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(markup)
    for node in tree.css(_DROP):
        node.decompose()
    root = None
    for selector in _CONTENT:
        root = tree.css_first(selector)
        if root is not None:
            break
    if root is None:
        return ""
    parts: list[str] = []
    _walk(root, parts)
    text = "".join(parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def _walk(node, parts: list[str]) -> None:
    """Append the text of `node` to `parts` (a module function: a nested recursive one is a
    reference cycle per page, which extraction promises not to make; see api.cyclic_gc_paused)."""
    tag = node.tag
    if tag == "-text":
        parts.append(node.text_content or "")
        return
    block = tag in _BLOCK_TAGS
    if block:
        parts.append("\n\n")
    if tag == "li":
        parts.append("• ")
    child = node.child
    while child is not None:
        _walk(child, parts)
        child = child.next
    if block:
        parts.append("\n\n")


def load(data: bytes, path: str, info: SourceInfo) -> Document:
    if looks_binary(data):
        raise InputError("binary file, not an HTML page", path=path)
    text = html_to_text(decode(data, path=path))
    if not text.strip():
        raise InputError("HTML page has no text", path=path)
    return Document(source=path, text=text, format="html", info=info)


register_loader(Loader("html", (".html", ".htm", ".aspx"), sniff, load))
