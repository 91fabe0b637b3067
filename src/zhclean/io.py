"""Files: walking inputs, reading bytes, writing atomically.

A file is never half-written: the new content goes to a temporary file in the same
directory, is flushed to disk, takes the mode of the file it replaces, and is renamed
over it with ``os.replace`` (atomic on POSIX and Windows).
"""
from __future__ import annotations

import contextlib
import fnmatch
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


class InputError(Exception):
    """A path that cannot be processed; the message is one line for the user."""


def iter_files(paths: list[str], recursive: bool, include: list[str], exclude: list[str]) -> Iterator[Path]:
    """The files to process, in the order given; directories need ``recursive``."""
    for raw in paths:
        path = Path(raw)
        if path.is_symlink() and path.is_dir():
            raise InputError(f"{raw}: is a symbolic link to a directory, skipped")
        if path.is_dir():
            if not recursive:
                raise InputError(f"{raw}: is a directory (use -r to process the files in it)")
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    p = Path(root) / name
                    if p.is_symlink():
                        continue
                    rel = str(p.relative_to(path))
                    if include and not any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in include):
                        continue
                    if any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in exclude):
                        continue
                    yield p
        else:
            yield path


def read_bytes(path: Path) -> bytes:
    try:
        if path.is_symlink():
            raise InputError(f"{path}: is a symbolic link, skipped (pass the file it points to)")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory (use -r to process the files in it)") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None


def atomic_write(path: Path, data: bytes, *, mode_from: Path | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    with atomic_stream(path, mode_from=mode_from) as f:
        f.write(data)


@contextlib.contextmanager
def atomic_stream(path: Path, *, mode_from: Path | None = None) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through, in pieces: it appears (by a rename) only
    when the block ends without an error; otherwise nothing is left behind."""
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".zhclean-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        source = mode_from if mode_from is not None and mode_from.exists() else (path if path.exists() else None)
        if source is not None:
            os.chmod(tmp, source.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
