"""The house rules of the layout, checked on the source itself: layers as folders, imports that go
down the layers only, no import circles, typer and rich where they belong."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kscli"
# From the bottom up: a module imports only modules of its own layer or of a layer below.
LAYERS = ("base", "text", "names", "extract", "store", "query", "render", "cli")
BASE = ("kscli", "kscli.model", "kscli.errors", "kscli.escapes", "kscli.jsonlayout", "kscli.record")


def modules():
    """(dotted name, tree) of every module of the package."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, ast.parse(path.read_text("utf-8"))


def layer(name: str) -> str:
    if name == "kscli.__main__":  # `python -m kscli`: the command line
        return "cli"
    if name in BASE:
        return "base"
    return name.split(".")[1]


def imported(tree) -> set[str]:
    """Every module the tree imports, at the top or inside a function (lazy imports count too)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name if a.name.startswith("kscli") else a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "kscli":  # from kscli import __version__ (a name), or a module of the package
                names.update(f"kscli.{a.name}" if (PACKAGE / a.name).exists() or (PACKAGE / f"{a.name}.py").exists()
                             else "kscli" for a in node.names)
            elif node.module.startswith("kscli."):
                base = node.module
                names.add(base)
                names.update(f"{base}.{a.name}" for a in node.names
                             if (PACKAGE.parent / base.replace(".", "/") / f"{a.name}.py").exists())
            else:
                names.add(node.module.split(".")[0])
    return names


def test_every_folder_is_a_layer():
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(LAYERS[1:]) + (["corpus"] if (PACKAGE / "corpus").exists() else [])


def test_imports_go_down_the_layers():
    for name, tree in modules():
        for other in imported(tree):
            if other.startswith("kscli") and name != "kscli":  # the package itself: the library's front door
                assert LAYERS.index(layer(other)) <= LAYERS.index(layer(name)), (name, "imports", other)


def test_no_import_circles():
    graph = {name: {o for o in imported(tree) if o.startswith("kscli.") and o != name} for name, tree in modules()}
    graph = {name: {o for o in deps if o in graph} for name, deps in graph.items()}
    done, trail = set(), []

    def visit(name):
        if name in trail:
            raise AssertionError("import circle: " + " -> ".join(trail[trail.index(name):] + [name]))
        if name in done:
            return
        trail.append(name)
        for other in sorted(graph[name]):
            if not name.startswith(other + "."):  # a module of a package may use the package's own __init__
                visit(other)
        trail.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)


def test_nothing_imports_the_cli():
    for name, tree in modules():
        if layer(name) != "cli":
            assert not any(n.startswith("kscli.cli") for n in imported(tree)), name


def test_only_the_cli_imports_typer_and_only_render_and_cli_import_rich():
    for name, tree in modules():
        names = imported(tree)
        if layer(name) != "cli":
            assert "typer" not in names and "click" not in names, name
        if layer(name) not in ("cli", "render"):
            assert "rich" not in names, name


def test_the_library_never_exits_or_prints():
    for name, tree in modules():
        if layer(name) == "cli":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name):
                    assert func.id not in ("print", "exit", "quit"), (name, node.lineno)
                if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                    assert (func.value.id, func.attr) != ("sys", "exit"), (name, node.lineno)


# Memos of pure functions: what they hold depends on nothing but their input.
MEMOS = {("kscli.extract.phrases", "_NORMS")}


def test_no_module_level_state_to_mutate():
    """What a run needs (the warnings to show, the worker processes' job) is passed in or held by an
    object made for the run (kscli.cli.context), never kept in module globals a second run inherits."""
    for name, tree in modules():
        for node in tree.body:
            value = getattr(node, "value", None) if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            empty = (isinstance(value, (ast.List, ast.Set)) and not value.elts) or (
                isinstance(value, ast.Dict) and not value.keys)
            targets = [t.id for t in getattr(node, "targets", [getattr(node, "target", None)]) if isinstance(t, ast.Name)]
            assert not empty or {(name, t) for t in targets} <= MEMOS, (name, node.lineno)
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            if (name, function.name) != ("kscli.store.workers", "_start"):  # runs in a worker process, once
                assert not any(isinstance(n, ast.Global) for n in ast.walk(function)), (name, function.name)


def test_every_module_says_what_it_holds():
    for path in PACKAGE.rglob("*.py"):
        if path.name == "__main__.py":
            continue
        doc = ast.get_docstring(ast.parse(path.read_text("utf-8")))
        assert doc and len(doc.splitlines()[0]) > 20, path


def test_modules_stay_short():
    for path in PACKAGE.rglob("*.py"):
        assert len(path.read_text("utf-8").splitlines()) <= 420, path.name


def test_the_command_enters_by_script_not_main():
    """The `ksw` script and `python -m kscli` call script(), which leaves the collector's frozen
    objects be as the process ends; main() is for callers in the same process."""
    import tomllib

    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["scripts"] == {"ksw": "kscli.cli:script"}
    calls = [node.func.id for node in ast.walk(ast.parse((PACKAGE / "__main__.py").read_text("utf-8")))
             if isinstance(node, ast.Call)]
    assert calls == ["script"]
