"""What a file's first 100 bytes say: SQLite or not, a sane header, truncated or whole; and
the URI that opens a database file in a given mode."""

from __future__ import annotations

import urllib.parse
from pathlib import Path


def sqlite_uri(path: Path | str, mode: str) -> str:
    """``file:`` URI for ``mode`` (ro, rw, rwc); quoted, as '?' or '#' in a folder name would
    otherwise end the path inside the URI."""
    return "file:" + urllib.parse.quote(str(Path(path).resolve())) + f"?mode={mode}"

def name_digest(name: str, length: int) -> str:
    """A short stable hex digest of a file name, for the files kept beside a database whose
    own name would be too long. hashlib is imported only then: it loads OpenSSL (3 MB)."""
    import hashlib
    return hashlib.sha1(name.encode("utf-8", "surrogateescape")).hexdigest()[:length]


SQLITE_HEADER = b"SQLite format 3\x00"

# Other files people rename or mis-save as a database, by their first bytes.
_FOREIGN_MAGIC = ((b"PK\x03\x04", "a ZIP archive (or an Office document)"), (b"%PDF", "a PDF"),
                  (b"\x1f\x8b", "a gzip archive"), (b"{", "a JSON file"),
                  (b"\xd0\xcf\x11\xe0", "an old Office document"))


def header_problem(path: Path, head: bytes, size: int) -> str | None:
    """Why the first 100 bytes cannot be a healthy SQLite database, or None.

    SQLite would report most of these as "file is not a database"; checking first lets the
    message say what the file is, and keeps a damaged header out of SQLite.
    """
    if not head:
        return "is empty (0 bytes)"
    if not head.startswith(SQLITE_HEADER):
        for magic, what in _FOREIGN_MAGIC:
            if head.startswith(magic):
                return f"is not a Thesis Tracker database: it is {what}"
        if head.startswith(SQLITE_HEADER[:6]):
            return "has a damaged header (the SQLite signature is broken)"
        return "is not a Thesis Tracker database (not SQLite)"
    if len(head) < 100:
        return f"is truncated ({size} bytes, shorter than a database header)"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    sane = (512 <= page_size <= 65536 and page_size & (page_size - 1) == 0
            and head[18] in (1, 2) and head[19] in (1, 2) and head[21:24] == b"\x40\x20\x20"
            and int.from_bytes(head[44:48], "big") in range(0, 5)
            and int.from_bytes(head[56:60], "big") in range(0, 4))
    if not sane:
        return "has a damaged header"
    pages = int.from_bytes(head[28:32], "big")
    # The in-header size is valid only when its change counter matches (SQLite >= 3.7.0), and
    # a file in WAL mode may keep newer pages in its -wal: only judge a file without one.
    wal = Path(str(path) + "-wal")
    if (pages and head[24:28] == head[92:96] and size < pages * page_size
            and not (wal.exists() and wal.stat().st_size)):
        return (f"is truncated ({size:,} bytes; its header says {pages * page_size:,})")
    return None
