"""The standard `re`, with what its compiler makes of the extractor's patterns kept between runs.

The extractor's patterns (some 360, several of them alternations of hundreds of job titles and
verbs) cost Python's pattern compiler, which is written in Python, about 130 ms at every start: a
third of a one-file `councilgraph extract` (issue #10 asks for under 0.35 s). What the compiler
makes of a pattern (the matching engine's code and the group names) depends only on the pattern,
its flags and the Python that compiled it, so it is kept in one file in the user's cache folder,
keyed by those, and handed straight to the engine on the next start (`_sre.compile`, which checks
the code before it accepts it). Anything unexpected (another Python, a damaged or unreadable file,
an unwritable folder, the private compiler API moved) falls back to `re.compile`: slower, never
different. `COUNCILGRAPH_PATTERN_CACHE=0` turns it off.

The extractor's modules import it as `re` (`from . import compiled_re as re`): everything but
`compile` is the standard module's.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re as _re
import sys
import tempfile
from pathlib import Path
from re import *  # noqa: F403 - the standard module's names, as this stands in for it
from typing import Any

try:  # the standard compiler's own steps (what `re._compiler.compile` does), as of Python 3.11
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation: plain re.compile
    _sre = None

_PLAIN = _re.IGNORECASE | _re.MULTILINE | _re.DOTALL | _re.VERBOSE | _re.UNICODE | _re.ASCII
_entries: dict[tuple[str, int], tuple] | None = None  # what the file held
_made: dict[tuple[str, int], tuple] = {}  # compiled in this process, not from the file


def cache_file() -> Path | None:
    """One file for this Python and this engine (a different one compiles differently)."""
    if os.environ.get("COUNCILGRAPH_PATTERN_CACHE", "1") == "0" or _sre is None:
        return None
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (RuntimeError, KeyError, OSError):  # no home folder (a service account, a bare container)
        return None
    return base / "councilgraph" / f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"


def _valid(value: Any) -> bool:
    return (isinstance(value, tuple) and len(value) == 5 and isinstance(value[0], int)
            and isinstance(value[1], list) and isinstance(value[2], int) and isinstance(value[3], dict)
            and isinstance(value[4], tuple))


def _load() -> dict[tuple[str, int], tuple]:
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_file()
        if path is not None:
            try:
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _entries = {k: v for k, v in data.items()
                                if isinstance(k, tuple) and len(k) == 2 and isinstance(k[0], str) and _valid(v)}
            except (OSError, ValueError, EOFError, TypeError):
                _entries = {}
    return _entries


def compile(pattern: Any, flags: int = 0) -> _re.Pattern:  # noqa: A001 - stands in for re.compile
    """`re.compile`, from the cache file when it holds this pattern."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str) or flags & ~int(_PLAIN) or cache_file() is None:
        return _re.compile(pattern, flags)
    key = (pattern, flags)
    known = _load().get(key)
    if known is not None:
        try:
            return _sre.compile(pattern, *known)
        except Exception:  # noqa: BLE001 - a damaged entry: compiled again below
            pass
    plain = _re.compile(pattern, flags)  # raises re.error for a bad pattern, as ever
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        made = (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex,
                tuple(indexgroup))  # (the compiler's opcodes are int subclasses, which marshal refuses)
        again = _sre.compile(pattern, *made)
    except Exception:  # noqa: BLE001 - the private steps moved: the standard result, not cached
        return plain
    if (again.flags, again.groups, again.groupindex) != (plain.flags, plain.groups, plain.groupindex):
        return plain
    _made[key] = made
    return plain


def save() -> None:
    """Write what this process compiled into the cache file (at exit; atomically, so two processes
    writing at once leave one whole file)."""
    path = cache_file()
    if path is None or not _made:
        return
    entries = {**_load(), **_made}
    if len(entries) > 5000:  # patterns of earlier versions piling up: keep this run's
        entries = dict(_made)
    tmp = None
    try:
        data = marshal.dumps(entries)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except (OSError, ValueError):
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return
    _entries.update(_made)
    _made.clear()


atexit.register(save)
