import json

from typer.testing import CliRunner

from councilgraph.cli import app

runner = CliRunner()


def test_every_command_has_help():
    for name in [c.name or c.callback.__name__ for c in app.registered_commands]:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert len(result.output) > 100


def test_extract_writes_contract_and_skips_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text("Agenda item\n\nRoads\n\nMinutes:\n\nCouncillor Ames asked about potholes."
                                    " The Head of Highways explained the plan.\n\nResolved: noted.\n")
    (tmp_path / "b.txt").write_text("Cookie policy. We use cookies to improve your experience of this site.")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert lines, (result.stdout, result.stderr)
    assert len(lines) == 1
    assert lines[0]["questions"][0]["topics"][0] == "potholes"
    assert "b.txt: does not look like committee minutes" in result.stderr


def test_missing_path_named_in_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2  # nothing readable at all is a usage error (build and extract agree)
    assert "nope.txt: no such file or folder" in result.stderr


def test_extract_and_build_walk_their_folders_once(tmp_path, monkeypatch):
    """The progress bar's total comes from the walk that reads the files, not from a walk of its own."""
    import councilgraph.loaders as loaders

    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "a.txt").write_text("Agenda item\n\nRoads\n\nMinutes:\n\nCouncillor Ames asked about potholes."
                                  " The Head of Highways explained the plan.\n\nResolved: noted.\n")
    walks = []
    real_walk = loaders._walk
    monkeypatch.setattr(loaders, "_walk",
                        lambda root, files, skips: (walks.append(root), real_walk(root, files, skips)))
    assert runner.invoke(app, ["extract", str(folder)]).exit_code == 0
    assert walks == [folder]
    walks.clear()
    result = runner.invoke(app, ["build", str(folder), "--store", str(tmp_path / "graph.lbug")])
    assert result.exit_code == 0, result.output
    assert walks == [folder]
