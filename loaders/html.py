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


MAX_DEPTH = 10_000  # element nesting; a page nested deeper is refused (see `nesting`)


def _walk(root, parts: list[str]) -> None:
    """Append the text of `root` to `parts`, depth first with an explicit stack (no recursion, so
    2,000 or 1,000,000 nested <div>s cost time in proportion to their size, not a RecursionError;
    and no nested function, which would be a reference cycle per page, see api.cyclic_gc_paused)."""
    stack: list = [(root, False, 0)]
    while stack:
        node, closing, depth = stack.pop()
        block = node.tag in _BLOCK_TAGS
        if closing:
            if block:
                parts.append("\n\n")
            continue
        if node.tag == "-text":
            parts.append(node.text_content or "")
            continue
        if block:
            parts.append("\n\n")
        if node.tag == "li":
            parts.append("• ")
        stack.append((node, True, depth))
        if depth >= MAX_DEPTH:
            continue
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False, depth + 1) for c in reversed(children))


# elements whose end tag may be left out, or that have none: they do not count towards nesting
_NO_NEST = {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb", "rt",
            "rp", "colgroup", "caption", "br", "hr", "img", "meta", "link", "input", "area", "base", "col",
            "embed", "param", "source", "track", "wbr", "html", "head", "body"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")


def nesting(markup: str) -> int:
    """The deepest element nesting in `markup`, by one linear scan of its tags. The HTML parser's
    time grows faster than linearly with nesting, so pages nested deeper than MAX_DEPTH are refused
    before they are parsed."""
    depth = deepest = 0
    for m in _TAG.finditer(markup):
        if m.group(2).lower() in _NO_NEST or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def load(data: bytes, path: str, info: SourceInfo) -> Document:
    if looks_binary(data):
        raise InputError("binary file, not an HTML page", path=path)
    markup = decode(data, path=path)
    if nesting(markup) > MAX_DEPTH:
        raise InputError(f"HTML nested more than {MAX_DEPTH:,} elements deep (refused, not parsed)", path=path)
    text = html_to_text(markup)
    if not text.strip():
        raise InputError("HTML page has no text", path=path)
    return Document(source=path, text=text, format="html", info=info)


register_loader(Loader("html", (".html", ".htm", ".aspx"), sniff, load))
