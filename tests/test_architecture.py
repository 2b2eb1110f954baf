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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST):
    """Every node except those under ``if TYPE_CHECKING:`` (imports only the type checker
    follows, which create no dependency when the program runs)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _import_graph(packages=("model", "gui")) -> dict[str, set[str]]:
    """Module -> the project modules it imports, lazy (function-level) imports included."""
    files = {_module_name(p): p for package in packages for p in (ROOT / package).rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    kept = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(kept + ([base] if base else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                while target and target not in files:
                    target = target.rpartition(".")[0]
                # A package's own __init__ is not a dependency of the modules inside it.
                if target and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    """Modules form layers, lazy imports included: a cycle (backup <-> store, demo <-> service,
    peer <-> peer_write before #11) means neither side can be understood or tested alone."""
    assert _cycles(_import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    """The check above could pass by finding nothing at all: it must see a planted cycle."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _gui_files():
    return [ROOT / "main.py", *sorted((ROOT / "gui").rglob("*.py"))]


def test_gui_never_touches_the_database():
    """gui/ goes through the service API only (#11): it never reaches for the store or a
    connection (where transactions, writes and change notices live), never imports sqlite3,
    and never builds a change notice by hand (OpChanges come from the model, after commit)."""
    offenders = []
    for path in _gui_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in {"store", "conn", "_store"}:
                offenders.append(f"{where}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.Call) and ast.unparse(node.func).split(".")[0] in {
                    "OpChanges", "Touched", "UndoStep", "Write"}:
                offenders.append(f"{where}:{node.lineno}: {ast.unparse(node.func)}(...)")
        if "sqlite3" in _imports(path):
            offenders.append(f"{where}: imports sqlite3")
    assert offenders == []


def test_one_qt_signal_carries_changes_to_every_view():
    """#11: the store's after-commit notice reaches gui/ in one place (StoreBridge turns it
    into a Qt signal); no view, chart or tray subscribes to the tracker on its own."""
    subscribers = []
    for path in _gui_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(".subscribe"):
                subscribers.append(f"{path.relative_to(ROOT)}: {ast.unparse(node)}")
    assert subscribers == ["gui/main_window.py: tracker.subscribe(self.changed.emit)"]


def test_gui_keeps_no_undo_logic_of_its_own():
    """Undo lives in the model (#11): gui/ defines no QUndoCommand that does work (the Undo
    History mirror's commands are names only) and keeps no map from old ids to new ones."""
    offenders = []
    for path in _gui_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                    ast.unparse(base).endswith("QUndoCommand") for base in node.bases):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name in ("undo", "redo"):
                        body = [s for s in item.body if not (isinstance(s, ast.Expr)
                                                             and isinstance(s.value, ast.Constant))]
                        if not all(isinstance(s, ast.Pass) for s in body):
                            offenders.append(f"{path.relative_to(ROOT)}:{item.lineno}: "
                                             f"{node.name}.{item.name} does work")
            if isinstance(node, ast.Attribute) and node.attr in {"_alias", "current_id",
                                                                 "_moved"}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: id map .{node.attr}")
    assert offenders == []


def test_every_package_is_installed():
    """pyproject.toml names every package (a new sub-package left out of the list would be
    missing from the wheel and the stand-alone build, #13), and resources/ and seeds/ are
    installed inside ours as gui.resources and model.seeds."""
    import tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    listed = set(config["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for package in ("model", "gui") for p in (ROOT / package).rglob("__init__.py")}
    mapped = config["setuptools"]["package-dir"]
    assert mapped == {"model.seeds": "seeds", "gui.resources": "resources"}
    assert listed == found | set(mapped)
