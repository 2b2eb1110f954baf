"""The rooms stay clear: model/ never imports Qt, no SQL is written outside model/, and the
tests mirror the source tree, one test file per module (#11)."""

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


# -- tests mirror the source tree (#11) -------------------------------------------------------
# Journeys through the real window live in tests/acceptance and attack, crash and damage suites
# in tests/safety, each named for what it does; every other test file mirrors one module:
# the tests of model/storage/backup.py are in tests/model/storage/test_backup.py, of a
# package's own __init__.py in test___init__.py beside the package's other test files, of
# main.py in tests/test_main.py.
TESTS = ROOT / "tests"
NOT_MIRRORED = ("acceptance", "safety")

# Package __init__.py files that hold only a docstring: nothing in them to test, so no test
# file. This list holds such files and nothing else (a test below checks each one).
DOCSTRING_ONLY = {
    "gui/export/__init__.py",
    "gui/models/__init__.py",
    "model/analysis/__init__.py",
    "model/interchange/__init__.py",
    "model/storage/__init__.py",
    "resources/__init__.py",        # installed as gui.resources (pyproject package-dir)
    "seeds/__init__.py",            # installed as model.seeds
}


def _installed_dirs() -> dict[Path, Path]:
    """Source folder -> where it is installed, relative to the repository: model/ and gui/
    as they are, and the folders pyproject's package-dir installs inside them."""
    import tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    mapped = config["setuptools"].get("package-dir", {})
    dirs = {Path("model"): Path("model"), Path("gui"): Path("gui")}
    dirs.update({Path(source): Path(*package.split(".")) for package, source in mapped.items()
                 if package.split(".")[0] in ("model", "gui")})
    return dirs


def _modules() -> list[tuple[str, Path, Path]]:
    """(source path, installed path, the test file that mirrors it) of every module."""
    found = [("main.py", Path("main.py"), _mirror(Path("main.py")))]
    for source, installed in _installed_dirs().items():
        for path in sorted((ROOT / source).rglob("*.py")):
            inner = path.relative_to(ROOT / source)
            found.append((str(source / inner), installed / inner, _mirror(installed / inner)))
    return found


def _mirror(module: Path) -> Path:
    """model/storage/backup.py -> tests/model/storage/test_backup.py."""
    return TESTS / module.parent / f"test_{module.name}"


def _module_of(test_file: Path) -> Path:
    """The module a mirrored test file is named for (installed layout), relative to ROOT."""
    rel = test_file.relative_to(TESTS)
    return rel.parent / rel.name.removeprefix("test_")


def test_every_module_has_its_test_file():
    """#11: "every module has its test file". A new module without tests/<its path>/test_<its
    name>.py fails here; only the docstring-only package files below are exempt."""
    missing = [f"{source} (expected {test.relative_to(ROOT)})"
               for source, _installed, test in _modules()
               if source not in DOCSTRING_ONLY and not test.is_file()]
    assert missing == []


def test_the_exempt_files_hold_only_a_docstring():
    """An exempt __init__.py that gains code (or goes) must leave the list: then the check
    above asks for its tests."""
    offenders = []
    for name in sorted(DOCSTRING_ONLY):
        path = ROOT / name
        if not path.is_file():
            offenders.append(f"{name}: no such file")
            continue
        body = ast.parse(path.read_text(encoding="utf-8")).body
        if not (len(body) == 1 and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            offenders.append(f"{name}: holds more than a docstring")
    assert offenders == []


def _mirrored_test_files() -> list[Path]:
    return [path for path in sorted(TESTS.rglob("test_*.py"))
            if path.relative_to(TESTS).parts[0] not in NOT_MIRRORED]


def test_every_test_file_is_named_for_a_module():
    """Outside tests/acceptance and tests/safety a test file is named for the module it tests
    (test_store_errors.py, test_reviews.py or tests/cli/ were named for features or for
    nothing); this file, the layout's own check, is the one other."""
    installed = {module for _source, module, _test in _modules()}
    offenders = [str(path.relative_to(ROOT)) for path in _mirrored_test_files()
                 if path != Path(__file__).resolve() and _module_of(path) not in installed]
    assert offenders == []


def test_test_folders_are_packages():
    """Same-named test files (tests/model/test_upcoming.py, tests/gui/test_upcoming.py,
    tests/gui/models/test_upcoming.py) are told apart by their packages: every folder with
    test files has an __init__.py."""
    folders = {path.parent for path in TESTS.rglob("test_*.py")}
    assert sorted(str(f.relative_to(ROOT)) for f in folders
                  if not (f / "__init__.py").is_file()) == []


def test_the_mirror_checks_see_a_missing_test_and_a_stray_file():
    """The checks above could pass by finding nothing: they must map real paths and reject
    a planted stray name."""
    tests = {source: test for source, _installed, test in _modules()}
    assert tests["main.py"] == TESTS / "test_main.py"
    assert tests["model/storage/backup.py"] == TESTS / "model/storage/test_backup.py"
    assert tests["gui/charts/__init__.py"] == TESTS / "gui/charts/test___init__.py"
    assert tests["seeds/__init__.py"] == TESTS / "model/seeds/test___init__.py"
    assert len(tests) > 100
    installed = {module for _source, module, _test in _modules()}
    assert _module_of(TESTS / "gui/test_store_errors.py") == Path("gui/store_errors.py")
    assert Path("gui/store_errors.py") not in installed
    assert _module_of(TESTS / "model/cli/test_edit.py") in installed
    assert _module_of(TESTS / "test_main.py") == Path("main.py") in installed
