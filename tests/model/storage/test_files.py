"""model/storage/files.py: files the app writes are private (#14: folders 0700, files 0600),
written whole or not at all, created exclusively (never through a planted symlink), and a path
that is not a regular file is a sentence, not a hang or a traceback."""

from __future__ import annotations

import os
import stat

import pytest

from model.storage import files
from model.storage.files import (
    PRIVATE_DIR,
    PRIVATE_FILE,
    commit_partial,
    create_exclusive,
    create_partial,
    make_private_dir,
    mode_of,
    open_regular,
    regular_file_problem,
    tighten,
    write_atomically,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@posix_only
def test_made_folders_are_private_and_existing_ones_are_left_alone(tmp_path):
    """Folders the app creates are 0700 (#14); a folder the user already had keeps its mode."""
    existing = tmp_path / "shared"
    existing.mkdir(mode=0o755)
    os.chmod(existing, 0o755)
    make_private_dir(existing / "a" / "b")
    assert stat.S_IMODE((existing / "a").stat().st_mode) == PRIVATE_DIR
    assert stat.S_IMODE((existing / "a" / "b").stat().st_mode) == PRIVATE_DIR
    assert stat.S_IMODE(existing.stat().st_mode) == 0o755


@posix_only
def test_write_atomically_makes_a_private_file_and_keeps_a_replaced_files_mode(tmp_path):
    """A new export is 0600; one that replaces a file keeps the mode the user gave it; no temporary
    is left."""
    new = write_atomically(tmp_path / "new.json", b"{}")
    assert new.read_bytes() == b"{}" and mode_of(new) == PRIVATE_FILE
    shared = tmp_path / "shared.json"
    shared.write_bytes(b"old")
    os.chmod(shared, 0o644)
    write_atomically(shared, b"new")
    assert shared.read_bytes() == b"new" and mode_of(shared) == 0o644
    write_atomically(shared, b"newer", mode=0o600, durable=False)
    assert mode_of(shared) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.json", "shared.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    """A full disk mid-write leaves the previous file whole and no .partial behind (#12)."""
    target = tmp_path / "export.json"
    target.write_bytes(b"old")

    def no_space(*_args, **_kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(files, "commit_partial", no_space)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


@posix_only
def test_a_planted_symlink_is_never_followed(tmp_path):
    """Temporaries have random names and O_EXCL; the target symlink itself is replaced, not
    written through, so the file it pointed at is untouched."""
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    target = tmp_path / "out.md"
    target.symlink_to(victim)
    write_atomically(target, b"export")
    assert victim.read_bytes() == b"precious"
    assert not target.is_symlink() and target.read_bytes() == b"export"


def test_exclusive_temporaries_fit_the_name_limit(tmp_path):
    """A temporary for a long file name still fits 255 bytes, and two are never the same file."""
    fd, path = create_exclusive(tmp_path, prefix="." + "光" * 100 + ".")
    os.close(fd)
    assert len(path.name.encode()) <= 255 and path.name.endswith(".partial")
    fd2, other = create_exclusive(tmp_path, prefix=".x.")
    os.close(fd2)
    assert other != path


def test_a_partial_is_committed_over_the_target(tmp_path):
    """Qt's PDF writer opens files by name: it writes a partial, which is then renamed."""
    target = tmp_path / "thesis.pdf"
    temp = create_partial(target)
    assert temp.parent == tmp_path and temp.name.startswith(".thesis.pdf.") and temp.exists()
    temp.write_bytes(b"%PDF")
    assert commit_partial(temp, target) == target
    assert target.read_bytes() == b"%PDF" and not temp.exists()


@posix_only
def test_tighten_changes_only_our_files_and_never_a_symlink(tmp_path):
    """chmod never follows a symlink (it could make someone else's file private or public); a
    missing file is no error."""
    mine = tmp_path / "mine"
    mine.write_bytes(b"")
    os.chmod(mine, 0o644)
    tighten(mine, PRIVATE_FILE)
    assert mode_of(mine) == PRIVATE_FILE
    link = tmp_path / "link"
    link.symlink_to(mine)
    os.chmod(mine, 0o644)
    tighten(link, 0o600)
    assert mode_of(mine) == 0o644 and mode_of(link) is None
    tighten(tmp_path / "missing", 0o600)                # best effort: no error


def test_regular_file_problem_names_what_the_path_is(tmp_path):
    """A folder, a dangling or looping link, a too-long or NUL name, a FIFO: each a sentence instead
    of a hang or a traceback."""
    assert regular_file_problem(tmp_path / "missing") is None
    (tmp_path / "ok").write_bytes(b"")
    assert regular_file_problem(tmp_path / "ok") is None
    assert regular_file_problem(tmp_path) == "is a folder, not a database file"
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    assert "symbolic link to a file that does not exist" in regular_file_problem(
        tmp_path / "dangling")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert "loop of symbolic links" in regular_file_problem(tmp_path / "loop")
    assert "name too long" in regular_file_problem(tmp_path / ("x" * 300))
    assert "not a usable file name" in regular_file_problem(str(tmp_path / "nul\x00name"))
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        assert "named pipe" in regular_file_problem(tmp_path / "fifo")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_open_regular_never_blocks_on_a_fifo(tmp_path):
    """A FIFO swapped in after the check is refused at once, never read (which would block forever).
    """
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(IsADirectoryError, match="not a regular file"), \
            open_regular(tmp_path / "fifo"):
        pass
    (tmp_path / "ok").write_bytes(b"data")
    with open_regular(tmp_path / "ok") as fd:
        assert os.read(fd, 4) == b"data"
