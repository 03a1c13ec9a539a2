from pathlib import Path

import pytest
from councilgraph.loaders import expand_paths, iter_documents, load_path
from councilgraph.loaders.pdf import reflow

from councilgraph.errors import InputError

TEXT = "Agenda item\n\nTitle\n\nMinutes:\n\nCouncillor Ames asked about the caf\u00e9 \u2013 and was told.\n"


def test_utf8_bom_cp1252_and_crlf_decode_to_same_text(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    (tmp_path / "c.txt").write_bytes(TEXT.replace("\n", "\r\n").encode("cp1252"))
    texts = {load_path(tmp_path / n).text for n in ("a.txt", "b.txt", "c.txt")}
    assert texts == {TEXT}


def test_html_page_is_sniffed_even_with_txt_suffix(tmp_path: Path):
    f = tmp_path / "page.txt"
    f.write_text("<html><body><div id='modgov'><p>Minutes:</p><ul><li>Councillor A asked.</li></ul>"
                 "</div><script>x()</script></body></html>")
    d = load_path(f)
    assert d.format == "html"
    assert "• Councillor A asked." in d.text and "x()" not in d.text


def test_bad_inputs_are_skipped_with_reasons(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "ok.txt").write_text(TEXT)
    skips = []
    docs = list(iter_documents([tmp_path, tmp_path / "missing.txt"], on_skip=skips.append))
    assert [Path(d.source).name for d in docs] == ["ok.txt"]
    assert {(Path(s.path).name, s.reason) for s in skips} == {
        ("missing.txt", "no such file or folder"), ("empty.txt", "empty file"),
        ("image.png", "binary file, not text minutes")}


def test_a_walk_orders_files_as_sorted_paths_and_skips_hidden_and_ignored(tmp_path: Path):
    # "a-b/" and "a b.txt" sort between "a/" and "a.txt" as Paths (part by part), not as text
    names = ["a/x.txt", "a-b/x.txt", "a.txt", "a/c/y.txt", "a/c.txt", "B/z.txt", "a b.txt", "A.txt",
             ".hidden/h.txt", "a/.dot.txt", "a/notes.json", "a/README.md"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Minutes of the meeting.")
    files, skips = expand_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "A.txt", "B/z.txt", "a/c/y.txt", "a/c.txt", "a/x.txt", "a b.txt", "a-b/x.txt", "a.txt"]
    assert all(isinstance(p, Path) for p in files) and files[0] == tmp_path / "A.txt" and not skips


def test_strict_makes_a_skip_fatal(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt: empty file"):
        list(iter_documents([tmp_path], strict=True))


def test_empty_folder_is_reported(tmp_path: Path):
    skips = []
    assert list(iter_documents([tmp_path], on_skip=skips.append)) == []
    assert skips[0].reason == "folder has no minutes files"


def test_manifest_beside_inputs_is_applied(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "manifest.csv").write_text("file,url,council,committee,meeting_date\n"
                                           "a.txt,https://x.gov.uk/1,Testshire County Council,,24/09/2019\n")
    d = next(iter_documents([tmp_path]))
    assert d.info.council == "Testshire County Council" and str(d.info.meeting_date) == "2019-09-24"


def test_manifest_rows_read_line_by_line_keep_quoted_newlines_crlf_and_a_last_row_without_newline(tmp_path: Path):
    from councilgraph.loaders.manifest import read_manifest

    (tmp_path / "manifest.csv").write_bytes(
        b'file,url,council,committee,meeting_date\r\n'
        b'a.txt,https://x.gov.uk/1,"Testshire\r\nCounty Council",Cabinet,24/09/2019\r\n'
        b'\r\n'
        b'b.txt,,Testshire County Council,"Audit, Risk and Governance Committee",2020-01-31')
    infos = read_manifest(tmp_path / "manifest.csv")
    assert sorted(infos) == ["a.txt", "b.txt"]
    assert infos["a.txt"].council == "Testshire\nCounty Council" and infos["a.txt"].committee == "Cabinet"
    assert infos["b.txt"].committee == "Audit, Risk and Governance Committee"
    assert str(infos["b.txt"].meeting_date) == "2020-01-31" and infos["b.txt"].url is None


def test_pdf_reflow_joins_wrapped_lines_and_keeps_bullets():
    assert reflow("Councillor A asked about\nthe roads.\n• B replied\n") == \
        "Councillor A asked about the roads.\n\n• B replied\n"


def test_printed_minutes_header_and_present_list():
    from councilgraph.loaders.extract.header import parse_header

    text = ("MINUTES of a meeting of the Environment Scrutiny Committee held at County Hall on Tuesday 14 March "
            "2023 at 10.00 am\n\nPresent:\nCouncillor P Okafor (Chairman)\n\n31. Highway Maintenance\n\n"
            "The Committee considered a report.\n")
    h = parse_header(text)
    assert (h.committee, str(h.meeting_date), h.item_number, h.title) == (
        "Environment Scrutiny Committee", "2023-03-14", "31", "Highway Maintenance")
    assert text[h.preamble[0]:h.preamble[1]].strip().startswith("Present:")


def _write_pdf(path: Path, lines: list[str]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with PdfPages(path) as pdf:
        fig = plt.figure(figsize=(8.27, 11.69))
        fig.text(0.08, 0.95, "\n".join(lines), va="top", fontsize=10)
        pdf.savefig(fig)
        plt.close(fig)


def test_pdf_minutes_keep_their_paragraphs_and_extract(tmp_path: Path):
    from councilgraph.loaders.extract import extract_document

    f = tmp_path / "minutes.pdf"
    _write_pdf(f, ["Agenda item", "", "Library Services Update", "", "Minutes:", "",
                   "Councillor Nadia Voss asked why library opening hours had been",
                   "reduced in rural branches.", "",
                   "The Head of Culture and Libraries explained that staffing had been",
                   "reviewed.", "", "Resolved: That the report be noted."])
    d = load_path(f)
    assert d.format == "pdf"
    x = extract_document(d)
    assert x.items[0].title == "Library Services Update"
    assert [(x.person(q.asker).name, [x.person(r).role for r in q.responders]) for q in x.questions] == [
        ("Nadia Voss", ["Head of Culture and Libraries"])]
    assert x.questions[0].text.endswith("in rural branches.")


def test_corrupt_pdf_is_named_and_skipped(tmp_path: Path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    (tmp_path / "ok.txt").write_text(TEXT)
    skips = []
    docs = list(iter_documents([tmp_path], on_skip=skips.append))
    assert [Path(d.source).name for d in docs] == ["ok.txt"]
    assert Path(skips[0].path).name == "broken.pdf" and ("PDF" in skips[0].reason)


def test_pdf_evidence_names_its_page(tmp_path: Path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    from councilgraph import api

    pages = [["Agenda item", "", "Library Services Update", "", "Minutes:", "",
              "The Committee received a report on library opening hours."],
             ["Councillor Nell Ashby asked why Sunday opening had been cut.", "",
              "The Head of Libraries explained that visits on Sundays were low."]]
    f = tmp_path / "minutes.pdf"
    with PdfPages(f) as pdf:
        for lines in pages:
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.08, 0.95, "\n".join(lines), va="top", fontsize=10)
            pdf.savefig(fig)
            plt.close(fig)
    store = tmp_path / "s.lbdb"
    api.build([f], store)
    g = api.load_graph(store)
    asked = [d for _, _, d in g.edges(data=True) if d.get("type") == "ASKED"]
    assert [d["page"] for d in asked] == [2]
    assert "Sunday opening" in asked[0]["sentence"]


def test_a_quotation_on_its_own_line_is_its_own_paragraph():
    from councilgraph.loaders.extract.segment import blocks

    text = ("Councillor A had given notice of the following question to the Cabinet Member for Parks\n"
            "“Is the park open?”\nCouncillor B:\n“It is.”\n")
    got = [text[b.span.start:b.span.end] for b in blocks(text)]
    assert got == ["Councillor A had given notice of the following question to the Cabinet Member for Parks",
                   "“Is the park open?”", "Councillor B:", "“It is.”"]


def test_pdf_text_wrapped_mid_sentence_stays_one_paragraph():
    from councilgraph.loaders.extract.segment import blocks

    text = ("12.2 Councillor Lowe asked how many people were waiting for a home care package. The\n"
            "Director said that 84 people were waiting.\n\nHOME CARE CAPACITY\nThe report was noted.\n")
    got = [text[b.span.start:b.span.end] for b in blocks(text)]
    assert got[0].endswith("84 people were waiting.")
    assert got[1:] == ["HOME CARE CAPACITY", "The report was noted."]
