"""Shared helpers for the export tests (#5): a thesis with many catalysts, PDF text per page."""

from __future__ import annotations

import re
import unicodedata


def make_thesis(tracker, count: int, *, title: str = "Many catalysts: 光模块 테스트 日本語"):
    """A thesis with ``count`` uniquely titled catalysts over 2025-2028; every third done,
    every fifth missed (the rest pending, some of them overdue on the fixed 2026-11-24)."""
    company = tracker.companies.find_or_add(name="Zhongji Innolight Test",
                                            local_name="中际旭创测试", ticker="TEST.SZ")
    with tracker.store.write():
        thesis = tracker.theses.add(title=title, theme="Optical interconnect",
                                    statement="A long statement. " * 80)
        tracker.beneficiaries.add(thesis_id=thesis.id, company_id=company.id, role="leader")
        for i in range(count):
            c = tracker.catalysts.add(thesis_id=thesis.id, title=f"Milestone {i:03d} 光模块 ramp",
                                      expected=f"Q{i % 4 + 1} {2025 + i % 4}")
            if i % 3 == 0:
                tracker.catalysts.tick(c.id, status="done", on="2026-01-15",
                                       note=f"outcome {i:03d}")
            elif i % 5 == 0:
                tracker.catalysts.tick(c.id, status="missed", on="2026-02-01")
    return thesis


def page_texts(path) -> list[str]:
    """Text of each page, NFKC-normalised with runs of whitespace made one space."""
    from pypdf import PdfReader
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text() or "").split())
            for p in PdfReader(str(path)).pages]


FOOTER = re.compile(r"page (\d+) of (\d+)")

