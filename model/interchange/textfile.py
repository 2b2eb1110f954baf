"""Reading text files whatever encoding they were saved in (Excel in China saves GB18030/GBK)."""

from __future__ import annotations

import codecs
import os
from collections.abc import Sequence, Sized
from pathlib import Path

from model.errors import ImportFailed
from model.messages import message, term

# Tried in order when a file has no BOM: strict UTF-8 first (it rarely decodes by accident),
# then the encodings analysts' files actually come in, before asking charset-normalizer.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode(raw: bytes, *, name: str = "the file") -> tuple[str, str]:
    """Decode bytes, returning (text, encoding); raise ImportFailed when no encoding fits,
    when a byte-order mark promises an encoding the rest breaks, or when lines are in
    different encodings (UTF-8 rows pasted into a GBK file would be stored as mojibake)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode_marked(raw, bom, encoding, name), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    _refuse_mixed(raw, name)
    if b"\x00" in raw[:4096]:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    if _looks_like_gb(raw):
        return raw.decode("gb18030"), "gb18030"
    from charset_normalizer import from_bytes
    best = from_bytes(raw, cp_isolation=["gb18030", "big5", "shift_jis", "cp1252", "euc_kr",
                                         "utf_16", "latin_1"]).best()
    if best is None:
        best = from_bytes(raw).best()
    if best is None:
        raise ImportFailed(message("Cannot tell the text encoding of {name}: save it as UTF-8 "
                                   "and try again.", name=name))
    encoding = best.encoding
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"   # a superset: decodes every GBK file, and more
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise ImportFailed(message("Cannot tell the text encoding of {name}: save it as UTF-8 "
                                   "and try again.", name=name)) from None


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + raw.count(b"\r", 0, offset) - \
        raw.count(b"\r\n", 0, offset) + 1


def _decode_marked(raw: bytes, bom: bytes, encoding: str, name: str) -> str:
    """A file that starts with a byte-order mark must be that encoding throughout (#14)."""
    body = raw[len(bom):]
    if encoding == "utf-16" and len(body) % 2:
        raise ImportFailed(f"{name} starts with a UTF-16 byte-order mark but has an odd number "
                           f"of bytes ({len(raw):,}): it was cut off or is not UTF-16. Save it "
                           f"again (as UTF-8) and try again; nothing was imported.")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        what = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
        try:
            body.decode("utf-8" if what == "UTF-8" else
                        ("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"))
            start = 0
        except UnicodeDecodeError as exc:
            start = exc.start
        line = _line_of(body, start) if what == "UTF-8" else \
            body[:start].decode("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be",
                                "replace").count("\n") + 1
        raise ImportFailed(f"{name} starts with a {what} byte-order mark, but line {line} is not "
                           f"{what} (another encoding pasted in?). Save the whole file as UTF-8 "
                           f"and try again; nothing was imported.") from None


def _refuse_mixed(raw: bytes, name: str) -> None:
    """Refuse a file whose lines are partly UTF-8 (with characters beyond Latin, as Chinese
    text is) and partly not: decoding it as either encoding garbles the other lines."""
    first_utf8 = first_other = None
    for number, line in enumerate(raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
                                  .split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            first_other = first_other or number
        else:
            if any(ord(ch) >= 0x800 for ch in text):
                first_utf8 = first_utf8 or number
        if first_utf8 and first_other:
            raise ImportFailed(
                f"{name} mixes text encodings: line {first_utf8} is UTF-8 but line "
                f"{first_other} is not (GBK or another encoding). Save the whole file in one "
                f"encoding (UTF-8) and try again; nothing was imported.")


def _looks_like_gb(raw: bytes) -> bool:
    """True for GB18030/GBK text of everyday Chinese, which charset-normalizer misreads as Big5
    or EUC-KR when a file is short (a one-row CSV of 光模块).

    It must decode strictly, and at least 80% of its two-byte characters must lie in the GB2312
    zone (both bytes 0xA1-0xFE), as common hanzi do; cp1252 accents followed by ASCII and Big5's
    low trail bytes mostly do not, so those still go to charset-normalizer.
    """
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    chars = in_zone = 0
    i = 0
    while i < len(raw):
        lead = raw[i]
        if lead < 0x80:
            i += 1
            continue
        chars += 1
        trail = raw[i + 1] if i + 1 < len(raw) else 0
        if 0x30 <= trail <= 0x39:           # a four-byte GB18030 sequence
            i += 4
            continue
        if 0xA1 <= lead <= 0xF7 and 0xA1 <= trail <= 0xFE:
            in_zone += 1
        i += 2
    return chars > 0 and in_zone >= 0.8 * chars


def refuse_bad_rows(name: str, problems: Sequence[tuple[int | str, str]], rows: Sized,
                    noun: str) -> None:
    """All or nothing for a table of rows: any bad row, or none at all, refuses the file
    (``problems`` are (line, what is wrong) pairs the message lists)."""
    if problems:
        raise ImportFailed(message("{name}: {count} bad row(s); nothing was imported.", name=name,
                                   count=len(problems)), problems)
    if not rows:
        raise ImportFailed(message("{name} has a header but no {noun} rows; nothing was "
                                   "imported.", name=name, noun=term(noun)))


def read_bytes(path: Path | str) -> bytes:
    """A file to import, whole; ImportFailed naming what is wrong when it cannot be read."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(message("There is no file at {path}.", path=path)) from None
    except IsADirectoryError:
        raise ImportFailed(message("{path} is a folder, not a file.", path=path)) from None
    except OSError as exc:
        raise ImportFailed(message("Cannot read {path}: {reason}.", path=path,
                                   reason=exc.strerror or exc)) from None


def read_text(path: Path | str) -> str:
    return decode(read_bytes(path), name=str(path))[0]


def export_target(path: Path | str) -> tuple[Path, bool]:
    """Where an export named ``path`` goes, and whether as a stream.

    A symlink is followed: the file it points to is replaced, the link stays (it was turned
    into a file of its own). A FIFO, a device or a socket (``/dev/stdout``, ``>(jq .)``) is
    written into as it is, not replaced by a file: as root, an export to /dev/full replaced
    the device. A folder is refused. Raises UserError."""
    import stat

    from model.errors import UserError
    target = Path(path)
    try:
        info = os.stat(target)                  # through any symlinks
    except FileNotFoundError:
        if target.is_symlink():                 # a link to a file not there yet: create it
            return Path(os.path.realpath(target)), False
        return target, False
    except OSError as exc:
        raise UserError(message("Cannot write {path}: {reason}.", path=target,
                                reason=exc.strerror or exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(message("Cannot write {path}: it is a folder; name a file in it.",
                                path=target))
    if stat.S_ISREG(info.st_mode):
        return (Path(os.path.realpath(target)) if target.is_symlink() else target), False
    return target, True


def _stream(target: Path, raw: bytes) -> None:
    from model.errors import UserError
    try:
        with open(target, "wb") as out:
            out.write(raw)
    except OSError as exc:
        raise UserError(message("Cannot write {path}: {reason}.", path=target,
                                reason=exc.strerror or exc)) from None


def write_atomically(path: Path | str, data: str | bytes) -> Path:
    """Write a whole file or nothing, durably (model.storage.files.write_atomically): a
    private temporary created exclusively beside it, fsynced, renamed, the folder fsynced.

    A crash, a full disk or a symlink planted at a temporary name leaves the old file (or
    none), never half a file, and writes nowhere else. A new file is 0600 (#14); a file that
    is replaced keeps its mode. A symlink named is followed, a FIFO or device written into
    (``export_target``).
    """
    from model.errors import UserError
    from model.storage.files import write_atomically as write_whole
    target = Path(path)
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    where, stream = export_target(target)
    if stream:
        _stream(where, raw)
        return target
    try:
        write_whole(where, raw)
    except OSError as exc:
        raise UserError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    return target


def partial_path(target: Path) -> Path:
    """Where a writer that opens files by name itself (Qt's PDF writer) writes a file before
    ``commit_partial`` renames it into place: ``.<name>.<random>.partial`` beside it, created
    here exclusively and private (0600), so nobody can plant a symlink there for the writer to
    follow and nobody else can read the half-written file (#14). For a FIFO or device target
    the file is made in the temporary folder and poured into it at the end. Raises UserError."""
    import tempfile

    from model.errors import UserError
    from model.storage.files import create_partial
    target = Path(target)
    where, stream = export_target(target)
    try:
        if stream:
            return create_partial(Path(tempfile.gettempdir()) / target.name)
        return create_partial(where)
    except OSError as exc:
        raise UserError(f"Cannot write {target}: {exc.strerror or exc}.") from None


def commit_partial(temp: Path, target: Path) -> Path:
    """The finished ``partial_path`` file, fsynced, renamed over ``target`` (whose mode it
    keeps; a new file is 0600) and the folder fsynced. Raises UserError."""
    from model.errors import UserError
    from model.storage.files import commit_partial as commit
    where, stream = export_target(target)
    if stream:
        try:
            _stream(where, Path(temp).read_bytes())
        finally:
            Path(temp).unlink(missing_ok=True)
        return Path(target)
    try:
        commit(Path(temp), where)
    except OSError as exc:
        raise UserError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    return Path(target)
