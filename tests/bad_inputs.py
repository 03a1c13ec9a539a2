"""A corpus of broken and hostile inputs (all fictional), written on demand by `write_corpus`.

Each entry is a file (or file-system oddity) and what reading it must give: "good" (read, in the
output) or a phrase the skip reason must contain. The good files sit among the bad ones, so a
test can check that no bad file cost a good one.
"""

from __future__ import annotations

import io
import os
import zlib
from pathlib import Path

MINUTES = ("Agenda item\n\n{title}\n\nMinutes:\n\nCouncillor {asker} asked why {topic} had got worse.\n\n"
           "The Head of Highways explained that {topic} would be reviewed.\n\nResolved: That the report be noted.\n")


def minutes(i: int, extra: str = "") -> str:
    names = ["Nadia Voss", "Priya Lomax", "Owen Fairhurst", "Ruth Abernethy", "Tomasz Quill", "Elin Maddox"]
    topics = ["potholes", "library opening hours", "bus shelters", "street lighting", "park toilets", "bin rounds"]
    return MINUTES.format(title=f"Item {i} {topics[i % 6].title()}", asker=names[i % 6],
                          topic=topics[i % 6]) + extra


def _pdf(lines: list[str], *, extra_objects: bytes = b"", content: bytes | None = None) -> bytes:
    """A minimal one-page PDF whose page shows `lines` (or the raw `content` stream)."""
    if content is None:
        ops = [b"BT /F1 11 Tf 72 760 Td 14 TL"]
        for line in lines:
            safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(b"(" + safe.encode("latin-1") + b") Tj T*")
        ops.append(b"ET")
        content = b"\n".join(ops)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    out.write(extra_objects)
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def good_pdf(i: int) -> bytes:
    return _pdf(minutes(i).replace("\n\n", "\n\n").split("\n"))


def _encrypted(i: int, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    w.append(PdfReader(io.BytesIO(good_pdf(i))))
    w.encrypt(user_password=password, owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _bomb() -> bytes:
    """A page whose content stream inflates from ~100 KB to 100 MB of spaces."""
    raw = zlib.compress(b" " * (100 * 2**20), 9)
    content_obj = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(raw) + raw + b"\nendstream"
    pdf = _pdf([], content=b"X")
    return pdf.replace(b"<< /Length 1 >>\nstream\nX\nendstream", content_obj)


def _deep_arrays(depth: int = 100_000) -> bytes:
    return _pdf([], content=b"[" * depth + b"]" * depth)


def _deep_pdf_object(depth: int = 50_000) -> bytes:
    pdf = _pdf(["x"])
    return pdf.replace(b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 612 792] /Deep " + b"[" * depth + b"]" * depth)


def entries() -> list[tuple[str, bytes, str]]:
    """(relative path, content, expected): expected is "good" or a phrase of the skip reason."""
    good = [(f"good/{i:02d}.txt", minutes(i).encode(), "good") for i in range(6)]
    bad_text = [
        ("text/empty.txt", b"", "empty file"),
        ("text/blank.txt", b" \n\t\n", "empty file"),
        ("text/nul.txt", b"Agenda\x00\x00item", "binary"),
        ("text/png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        ("text/zip.txt", b"PK\x03\x04" + bytes(300), "binary"),
        ("text/controls.txt", bytes(range(1, 9)) * 400, "binary"),
        ("text/cookies.txt", b"Cookie policy. We use cookies to improve your experience of this site.", "minutes"),
        ("text/utf16.txt", minutes(1).encode("utf-16"), "binary"),
        ("text/one-line.txt", b"word " * 200_000, "minutes"),
        ("text/lorem.txt", b"Lorem ipsum dolor sit amet. " * 50, "minutes"),
        ("text/xss.html.txt", b"<script>alert(1)</script>", "minutes"),
    ]
    good_odd = [
        ("odd/cp1252.txt", minutes(2).replace("explained", "explained \u2013 ").encode("cp1252"), "good"),
        ("odd/crlf.txt", minutes(3, "\nLate item.\n").replace("\n", "\r\n").encode(), "good"),
        ("odd/bom.txt", b"\xef\xbb\xbf" + minutes(4, "\nBOM item.\n").encode(), "good"),
        ("odd/markup-text.txt", minutes(5, "\n[bold]Note[/bold] [/] [red]x[/red]\n").encode(), "good"),
        ("odd/[bold]name[/bold].txt", minutes(0, "\nName item one.\n").encode(), "good"),
        ("odd/close[/]tag.txt", minutes(1, "\nName item two.\n").encode(), "good"),
        ("odd/o'brien's minutes.txt", minutes(2, "\nQuote item.\n").encode(), "good"),
        ("odd/new\nline.txt", minutes(3, "\nNewline item.\n").encode(), "good"),
        ("odd/Siân Llŷr.txt", minutes(4, "\nWelsh item.\n").encode(), "good"),
        ("odd/-dash.txt", minutes(5, "\nDash item.\n").encode(), "good"),
        ("odd/formula.txt", minutes(0, "\nCouncillor =HYPERLINK(x) asked.\n=1+1\n@SUM(A1)\n").encode(), "good"),
        ("odd/cypher.txt", minutes(1, "\n'}) MATCH (n) DETACH DELETE n //\n").encode(), "good"),
        ("odd/controls-in-text.txt", minutes(2, "\nBell \x07 and \x1b[31m escape.\n").encode(), "good"),
        ("odd/xss.txt", minutes(3, "\n<img src=x onerror=alert(1)> <script>alert(2)</script>\n").encode(), "good"),
    ]
    html_deep_ok = "<html><body>" + "<div>" * 2000 + minutes(4, "\nDeep item.\n").replace("\n\n", "<p>") \
        + "</div>" * 2000 + "</body></html>"
    html = [
        ("html/good.html", ("<html><body><div id='modgov'>" + "".join(
            f"<p>{p}</p>" for p in minutes(5, "\nHTML item.\n").split("\n\n")) + "</div></body></html>").encode(),
         "good"),
        ("html/deep-2000.html", html_deep_ok.encode(), "good"),
        ("html/deep-50000.html", ("<html><body>" + "<div>" * 50_000 + "x" + "</div>" * 50_000).encode(),
         "nested more than"),
        ("html/deep-b.html", ("<html><body>" + "<b>" * 30_000 + "x").encode(), "nested more than"),
        ("html/empty.html", b"<html><body></body></html>", "no text"),
        ("html/script-only.html", b"<html><body><script>alert(1)</script></body></html>", "no text"),
        ("html/binary.html", b"<html>\x00\x00\x00" + bytes(500), "binary"),
        ("html/nav-only.html", b"<html><body><nav>Home | Meetings</nav></body></html>", "no text"),
        ("html/cookie.html", b"<html><body><p>We use cookies on this site.</p></body></html>", "minutes"),
        ("html/huge-attr.html", b"<html><body><p title='" + b"a" * 300_000 + b"'>hello</p></body></html>",
         "minutes"),
        ("html/unclosed.html", b"<html><body><div><p>Agenda <b>bold <i>it", "minutes"),
        ("html/comment-bomb.html", b"<html><body><!--" + b"-" * 100_000 + b"<p>x</p>", "no text"),
    ]
    pdf = [
        ("pdf/good.pdf", good_pdf(0) + b"", "good"),
        ("pdf/encrypted-aes.pdf", _encrypted(1, "secret"), "encrypted PDF"),
        ("pdf/encrypted-empty-password.pdf", _encrypted(2, ""), "good"),
        ("pdf/header-only.pdf", b"%PDF-1.7\n", "PDF"),
        ("pdf/truncated.pdf", good_pdf(3)[:200], "PDF"),
        ("pdf/garbage.pdf", b"%PDF-1.4\n" + os.urandom(0) + bytes(range(256)) * 20, "PDF"),
        ("pdf/no-text.pdf", _pdf([]), "no extractable text"),
        ("pdf/bomb.pdf", _bomb(), "PDF"),
        ("pdf/deep-arrays.pdf", _deep_arrays(), "PDF"),
        ("pdf/deep-object.pdf", _deep_pdf_object(), "PDF"),
        ("pdf/bad-xref.pdf", good_pdf(4).replace(b"startxref\n", b"startxref\n999999"), "good"),
        ("pdf/loop-pages.pdf", _pdf(["x"]).replace(b"/Kids [3 0 R]", b"/Kids [2 0 R]"), "PDF"),
        ("pdf/not-a-pdf.pdf", b"this is not a pdf at all, just words", "minutes"),
    ]
    manifest = [
        ("manifested/a.txt", minutes(0, "\nManifest a.\n").encode(), "good"),
        ("manifested/b.txt", minutes(1, "\nManifest b.\n").encode(), "good"),
        ("manifested/c.txt", minutes(2, "\nManifest c.\n").encode(), "good"),
        ("manifested/d.txt", minutes(3, "\nManifest d.\n").encode(), "good"),
        ("manifested/manifest.csv", (
            "file,url,council,committee,meeting_date\n"
            "a.txt,https://example.org/a,Fenmoor Council,Scrutiny,31/02/2023\n"
            "b.txt,https://example.org/b,Fenmoor Council,Scrutiny,2023-01-01,extra,cells\n"
            "c.txt,https://example.org/c," + "x" * 140_000 + ",Scrutiny,2023-02-01\n"
            "d.txt,https://example.org/d,Fenmoor Council,Scrutiny,2023-03-01\n"
            "not-here.txt,,,,99/99/9999\n").encode(), "manifest"),
    ]
    return good + bad_text + good_odd + html + pdf + manifest


# file-system oddities, made by `write_corpus` (they cannot be plain bytes)
ODDITIES = [
    ("fs/dangling.txt", "broken symbolic link"),
    ("fs/loop-a.txt", "symbolic link loop"),
    ("fs/loop-b.txt", "symbolic link loop"),
    ("fs/pipe.txt", "named pipe"),
    ("fs/self", "symbolic link loop"),
]
NONUTF8 = b"bad-\xff\xfe-name.txt"


def write_corpus(root: Path) -> dict[str, str]:
    """Write every input below `root`; return {path as shown: expected}."""
    expected: dict[str, str] = {}
    for rel, data, want in entries():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        if not rel.endswith("manifest.csv"):
            expected[str(p)] = want
    fs = root / "fs"
    fs.mkdir()
    (fs / "dangling.txt").symlink_to(fs / "missing-target.txt")
    (fs / "loop-a.txt").symlink_to(fs / "loop-b.txt")
    (fs / "loop-b.txt").symlink_to(fs / "loop-a.txt")
    os.mkfifo(fs / "pipe.txt")
    (fs / "self").symlink_to(fs)
    (fs / "real.txt").write_text(minutes(5, "\nReal file beside oddities.\n"))
    expected[str(fs / "real.txt")] = "good"
    for rel, want in ODDITIES:
        expected[str(root / rel)] = want
    name = os.fsencode(str(root / "odd")) + b"/" + NONUTF8
    with open(name, "wb") as fp:
        fp.write(minutes(0, "\nNon-UTF-8 name item.\n").encode())
    expected[os.fsdecode(name)] = "good"
    (root / "emptydir").mkdir()
    return expected
