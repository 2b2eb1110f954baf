"""Reading text files whatever encoding they were saved in (Excel in China saves GB18030/GBK)."""

from __future__ import annotations

import codecs
from pathlib import Path

from model.errors import ImportFailed

# Tried in order when a file has no BOM: strict UTF-8 first (it rarely decodes by accident),
# then the encodings analysts' files actually come in, before asking charset-normalizer.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode(raw: bytes, *, name: str = "the file") -> tuple[str, str]:
    """Decode bytes, returning (text, encoding); raise ImportFailed when no encoding fits."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
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
        raise ImportFailed(f"Cannot tell the text encoding of {name}: save it as UTF-8 and try again.")
    encoding = best.encoding
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"   # a superset: decodes every GBK file, and more
    return raw.decode(encoding), encoding


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


def refuse_bad_rows(name: str, problems: list, rows: list, noun: str) -> None:
    """All or nothing for a table of rows: any bad row, or none at all, refuses the file
    (``problems`` are (line, what is wrong) pairs the message lists)."""
    if problems:
        raise ImportFailed(f"{name}: {len(problems)} bad row(s); nothing was imported.", problems)
    if not rows:
        raise ImportFailed(f"{name} has a header but no {noun} rows; nothing was imported.")


def read_text(path) -> str:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise ImportFailed(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise ImportFailed(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return decode(raw, name=str(path))[0]


def write_atomically(path, data: str | bytes) -> Path:
    """Write a whole file or nothing, durably (model.storage.files.write_atomically): a
    private temporary created exclusively beside it, fsynced, renamed, the folder fsynced.

    A crash, a full disk or a symlink planted at a temporary name leaves the old file (or
    none), never half a file, and writes nowhere else. A new file is 0600 (#14); a file that
    is replaced keeps its mode.
    """
    from model.errors import UserError
    from model.storage.files import write_atomically as write_whole
    target = Path(path)
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    try:
        write_whole(target, raw)
    except OSError as exc:
        raise UserError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    return target


def partial_path(target: Path) -> Path:
    """Where a writer that opens files by name itself (Qt's PDF writer) puts a file before it
    is renamed into place: ``.<name>.<random>.partial`` beside it. The name is unpredictable,
    so nobody can plant a symlink there beforehand for the writer to follow (#14). Writers in
    model/ use ``write_atomically`` (or ``model.storage.files.create_partial`` and
    ``commit_partial``), which also create the file exclusively and fsync it."""
    import secrets
    target = Path(target)
    return target.with_name(f".{target.name}.{secrets.token_hex(8)}.partial")
