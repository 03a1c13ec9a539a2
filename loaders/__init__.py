"""Loaders: files in, `Document`s out. Extraction (loaders.extract) turns documents into records.

`iter_documents` is the one entry point: it expands folders, applies manifests, picks a loader
by sniffing, and reports every file it skips (with the reason) instead of raising, so one bad page
never stops a batch. `strict=True` turns the first skip into an error.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from councilgraph.errors import InputError, UsageError

from .document import Document, SourceInfo
from .manifest import MANIFEST_NAME, read_manifest
from .registry import Loader, choose_loader, get_loader, loaders, register_loader

__all__ = [
    "Document", "SourceInfo", "Loader", "Skip", "iter_documents", "expand_paths", "walk_inputs", "load_path",
    "read_manifest", "register_loader", "loaders", "get_loader",
]

_IGNORED_NAMES = {MANIFEST_NAME, "readme.md", ".ds_store"}


@dataclass(frozen=True)
class Skip:
    """A file that was not processed, and why (shown to the user as `path: reason`)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


MAX_INPUT_BYTES = 64 * 1024 * 1024  # one minutes file; a bigger one is refused, not read


def _odd(p: str | Path) -> str | None:
    """Why `p` (not a folder, not a regular file) cannot be read, or None if it is a regular file."""
    try:
        st = os.stat(p)
    except OSError as exc:
        if os.path.islink(p):
            return "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link (target missing)"
        return "no such file or folder" if exc.errno == errno.ENOENT else f"cannot read: {exc.strerror}"
    if stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISFIFO(st.st_mode):
        return "not a regular file (a named pipe)"
    if stat.S_ISSOCK(st.st_mode):
        return "not a regular file (a socket)"
    return "not a regular file (a device)"


class PathList(Sequence[Path]):
    """The files a walk found, kept as text and handed out as Paths.

    A corpus can be a million files: a million Path objects, once sorted (which parses and keeps
    each one's parts), cost about 1 KB each, their text about a tenth of that."""

    __slots__ = ("_paths",)

    def __init__(self, paths: list[str]) -> None:
        self._paths = paths

    def __len__(self) -> int:
        return len(self._paths)

    def __getitem__(self, i):  # type: ignore[override]
        return Path(self._paths[i]) if isinstance(i, int) else [Path(p) for p in self._paths[i]]

    def __iter__(self) -> Iterator[Path]:
        return map(Path, self._paths)

    def texts(self) -> list[str]:
        """The paths as the walk found them: a build of a million unchanged files makes no Paths."""
        return self._paths

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return f"PathList({len(self)} files)"


def _path_order(path: str) -> str:
    """The order of Paths (part by part) for their text: the separator sorts before any character."""
    return path.replace(os.sep, "\0")


def _walk(root: Path, files: list[str], skips: list[Skip]) -> None:
    """Every file below `root`, without recursion; folder symlinks followed once (loops named).

    A folder's entries are read as they come, not listed first: one folder may hold a million
    files. Its subfolders and skips are taken in name order, so the walk is repeatable (the
    files are sorted by the caller)."""
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        folders: list[str] = []
        here: list[str] = []  # kept only once the whole folder was read
        odd: list[Skip] = []
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                skips.append(Skip(str(folder), "symbolic link loop (folder already read)"))
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as listing:
                for entry in listing:
                    if _ignored(entry.name):
                        continue
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    if is_dir:
                        if not entry.name.startswith("."):  # hidden folders (.git, .fetch-cache) hold no inputs
                            folders.append(entry.name)
                        continue
                    # a regular file by its directory entry costs no stat (a million of them add up)
                    why = None if entry.is_file(follow_symlinks=False) else _odd(entry.path)
                    if why is None:
                        here.append(entry.path)
                    else:
                        odd.append(Skip(entry.path, why))
        except OSError as exc:
            skips.append(Skip(str(folder), f"cannot read folder: {exc.strerror}"))
            continue
        files.extend(here)
        skips.extend(sorted(odd, key=lambda s: s.path))
        stack.extend(folder / name for name in sorted(folders))


def expand_paths(paths: Iterable[str | Path]) -> tuple[PathList, list[Skip]]:
    """Files named directly, plus every file below named folders, in sorted (repeatable) order.

    Anything that cannot be read (broken or looping symlinks, pipes, devices, unreadable folders)
    is returned as a `Skip` with its reason, never dropped silently."""
    files: list[str] = []
    skips: list[Skip] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[str] = []
            _walk(p, found, skips)
            if not found and not any(s.path.startswith(str(p)) for s in skips):
                skips.append(Skip(str(p), "folder has no minutes files"))
            found.sort(key=_path_order)
            files.extend(found)
        else:
            why = _odd(p)
            if why is None:
                files.append(str(p))
            else:
                skips.append(Skip(str(p), why))
    return PathList(files), skips


def walk_inputs(paths: Iterable[str | Path], on_skip: Callable[[Skip], None] | None, *,
                untouched: str) -> tuple[list[Path], list[Skip]]:
    """`expand_paths`, refusing a walk that found nothing to read (a mistyped folder) with a
    `UsageError` after naming what it passed over; `untouched` says what was therefore left alone.

    Extract and build walk their inputs once with this: the count for a progress bar and the files
    to read come from the same walk."""
    paths = list(paths)
    walked = expand_paths(paths)
    if not walked[0]:
        for s in walked[1]:
            if on_skip:
                on_skip(s)
        shown = ", ".join(str(p) for p in paths) or "(none)"
        raise UsageError(f"nothing to read in {shown}: no minutes files there; {untouched}")
    return walked


def _ignored(name: str) -> bool:
    return name.lower() in _IGNORED_NAMES or name.startswith(".") or name.lower().endswith(".json")


def source_name(p: Path) -> str:
    """The path as text that can be stored and printed: bytes that are not UTF-8 become \\xNN."""
    return str(p).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def load_path(path: str | Path, info: SourceInfo | None = None, fmt: str | None = None) -> Document:
    p = Path(path)
    name = source_name(p)
    try:
        with p.open("rb") as fp:
            data = fp.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=name) from exc
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"file is over the {MAX_INPUT_BYTES // 2**20} MB limit for one minutes file", path=name)
    loader = choose_loader(data, name, fmt)
    try:
        return loader.load(data, name, info or SourceInfo())
    except InputError:
        raise
    except RecursionError:
        raise InputError("too deeply nested to read", path=name) from None
    except MemoryError:
        raise InputError("too large to read in memory", path=name) from None


def iter_documents(
    paths: Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    fmt: str | None = None,
    strict: bool = False,
    on_skip: Callable[[Skip], None] | None = None,
    walked: tuple[Sequence[Path], list[Skip]] | None = None,
    reuse: Callable[[str, SourceInfo | None], Document | None] | None = None,
) -> Iterator[Document]:
    """Yield documents; report unreadable files through `on_skip` (or raise if `strict`).

    `walked` is what `expand_paths(paths)` gave, when the caller has it already (a build walks
    its folders once). `reuse(path, manifest facts)` may return a document for a file without
    reading it (a build's file that has not changed since the store was written)."""
    files, skips = walked if walked is not None else expand_paths(paths)

    def skip(s: Skip) -> None:
        if strict:
            raise InputError(s.reason, path=s.path)
        if on_skip:
            on_skip(s)

    infos: dict[str, SourceInfo] = {}
    bad_rows: list[tuple[str | None, Skip]] = []

    def bad_row(name: str | None, where: str, reason: str) -> None:
        bad_rows.append((name, Skip(where, reason)))

    # the paths as text: Path objects for 100,000 unchanged files cost a second
    texts = files.texts() if isinstance(files, PathList) else [str(f) for f in files]
    # one look per folder, not per file (100,000 files in one folder are one manifest)
    folders = {os.path.dirname(f) for f in texts}
    manifests = {Path(d) / MANIFEST_NAME for d in folders if (Path(d) / MANIFEST_NAME).is_file()}
    for m in sorted(manifests):
        infos.update(read_manifest(m, on_bad_row=bad_row))
    if manifest:
        infos.update(read_manifest(manifest, on_bad_row=bad_row))
    for s in skips:
        skip(s)
    names = {os.path.basename(f) for f in texts} if bad_rows else set()  # held only when needed
    for name, s in bad_rows:  # a bad row about a file not in this batch is no reason to complain
        if name is None or name in names:
            skip(s)
    del names
    for f in texts:
        info = infos.get(os.path.basename(f))
        if reuse is not None:
            known = reuse(f, info)
            if known is not None:
                yield known
                continue
        try:
            yield load_path(f, info, fmt)
        except InputError as exc:
            skip(Skip(source_name(f), exc.message))
