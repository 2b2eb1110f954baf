"""The rooms stay clear: model/ never imports Qt, and no SQL is written outside model/."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SQL = re.compile(r"^\s*(SELECT\b.*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|"
                  r"DELETE\s+FROM\b|(CREATE|DROP|ALTER)\s+(TABLE|INDEX|TRIGGER|VIEW|VIRTUAL)\b|"
                  r"PRAGMA\s+\w+)", re.I | re.S)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_model_never_imports_qt():
    """model/ is the pure-Python service API shared by GUI and CLI (issue #2): a Qt or
    pyqtgraph import there would tie the command line to a display stack."""
    offenders = {str(p.relative_to(ROOT)): sorted(_imports(p) & {"PySide6", "pyqtgraph", "gui"})
                 for p in (ROOT / "model").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_sql_outside_model():
    """Widgets and main.py go through the service API; SQL strings live only in model/."""
    offenders = []
    for path in [ROOT / "main.py", *(ROOT / "gui").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and _SQL.match(node.value) and " " in node.value.strip():
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]!r}")
    assert offenders == []
