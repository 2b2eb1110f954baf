"""Files the app writes: private modes, atomic replacement with fsync, exclusive temporaries.

A finance journal is private (#14): folders the app creates are 0700 and files 0600. Every
file written "whole or not at all" goes through ``write_atomically``: a temporary created
exclusively (``O_EXCL``, a random name, never following a planted symlink), written, fsynced,
renamed over the target and the folder fsynced, so a crash right after "Exported" leaves the
old file or the new one, never an empty one (#12).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) as 0700; an existing folder is left as it is."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    for created in missing:
        tighten(created, PRIVATE_DIR)


def tighten(path: Path, mode: int) -> None:
    """chmod to ``mode`` when we own the file; a file of somebody else's stays as it is."""
    try:
        st = os.stat(path, follow_symlinks=False)
        if stat.S_ISLNK(st.st_mode):
            return
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return
        if stat.S_IMODE(st.st_mode) != mode:
            os.chmod(path, mode)
    except OSError:
        pass                # best effort: a file system without modes (FAT, SMB)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable: without this a power cut can forget
    the new name. Windows cannot open a folder for fsync; NTFS journals names itself."""
    try:
        fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def mode_of(path: Path) -> int | None:
    """The permission bits of an existing regular file (not following a symlink), else None."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else None


def create_exclusive(folder: Path, *, prefix: str, suffix: str = ".partial") -> tuple[int, Path]:
    """A new empty file in ``folder`` with a random name, created with ``O_EXCL`` (never an
    existing file, never through a symlink someone planted) and mode 0600. Returns (fd, path)."""
    room = 255 - len(suffix.encode("utf-8", "surrogateescape")) - 10   # mkstemp adds 8
    raw = prefix.encode("utf-8", "surrogateescape")
    if len(raw) > room:                 # a long name: its temporary keeps the start of it
        prefix = raw[:room].decode("utf-8", "ignore")
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    return fd, Path(name)


def create_partial(target: Path) -> Path:
    """A fresh private temporary beside ``target`` (``.<name>.XXXX.partial``) for a writer
    that opens files by name itself (Qt's PDF writer); commit it with ``commit_partial``."""
    target = Path(target)
    fd, temp = create_exclusive(target.parent, prefix=f".{target.name}.")
    os.close(fd)
    return temp


def commit_partial(temp: Path, target: Path, *, mode: int | None = None,
                   durable: bool = True) -> Path:
    """fsync a finished temporary, give it ``mode`` (default: the mode of the file it replaces,
    else 0600), rename it over ``target`` and fsync the folder."""
    target = Path(target)
    keep = mode if mode is not None else (mode_of(target) or PRIVATE_FILE)
    fd = os.open(temp, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    try:
        if durable:
            os.fsync(fd)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, keep)
    finally:
        os.close(fd)
    os.replace(temp, target)
    if durable:
        fsync_dir(target.parent)
    return target


def write_atomically(path: Path | str, data: bytes, *, mode: int | None = None,
                     durable: bool = True) -> Path:
    """Write a whole file or nothing (see the module docstring). Raises OSError.

    ``durable=False`` skips the two fsyncs, for notes that are only a cache (the clean-close
    note: losing it costs one quick_check on the next open, not data).
    """
    target = Path(path)
    fd, temp = create_exclusive(target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        commit_partial(temp, target, mode=mode, durable=durable)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return target


def regular_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a database file to open, or None (also None when it is missing).

    A FIFO would block the first read forever, a loop of symlinks breaks ``resolve()``, a
    device or socket is not a file: each gets a sentence instead of a hang or a traceback.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        try:
            os.lstat(path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            return f"cannot be read: {exc.strerror or exc}"
        return "is a symbolic link to a file that does not exist"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a loop of symbolic links, not a file"
        if exc.errno == errno.ENAMETOOLONG:
            return "has a name too long for the file system"
        return f"cannot be read: {exc.strerror or exc}"
    except (RuntimeError, ValueError) as exc:       # a NUL in the name
        return f"is not a usable file name ({exc})"
    if stat.S_ISDIR(st.st_mode):
        return "is a folder, not a database file"
    if stat.S_ISFIFO(st.st_mode):
        return "is a named pipe (FIFO), not a database file"
    if not stat.S_ISREG(st.st_mode):
        return "is a device or socket, not a database file"
    return None


@contextlib.contextmanager
def open_regular(path: Path) -> Iterator[int]:
    """Open a file for reading without ever blocking on a FIFO swapped in after a check."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EISDIR, "not a regular file", str(path))
        yield fd
    finally:
        os.close(fd)


def real_path(path: Path) -> Path:
    """The file a symlink points to (the path as it is otherwise): every process then takes
    the locks beside the one real file, however it was named, and a restore replaces the
    file, not the link (a restore through link.db ignored writers using the real name, and
    turned the link into a file of its own)."""
    try:
        if path.is_symlink():
            resolved = Path(os.path.realpath(path))
            if resolved != path and not resolved.is_symlink():
                return resolved
    except (OSError, RuntimeError, ValueError):
        pass
    return path
