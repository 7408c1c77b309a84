"""The house rules of the layout, checked on the source itself."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kscli"


def modules():
    """(name, tree) of every module; the command-line package's modules are all named "cli"."""
    for path in sorted(PACKAGE.rglob("*.py")):
        name = "cli" if path.parent.name == "cli" else path.stem
        yield name, ast.parse(path.read_text("utf-8"))


def imported(tree) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] if not a.name.startswith("kscli") else a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module if node.module.startswith("kscli") else node.module.split(".")[0])
    return names


def test_nothing_imports_the_cli():
    for name, tree in modules():
        if name not in ("cli", "__main__"):
            assert not any(n.startswith("kscli.cli") for n in imported(tree)), name


def test_only_the_cli_imports_typer_and_only_output_terminal_and_cli_import_rich():
    for name, tree in modules():
        names = imported(tree)
        if name not in ("cli",):
            assert "typer" not in names, name
        if name not in ("cli", "output", "terminal"):
            assert "rich" not in names, name


def test_the_library_never_exits_or_prints():
    for name, tree in modules():
        if name in ("cli", "__main__"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name):
                    assert func.id not in ("print", "exit", "quit"), (name, node.lineno)
                if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                    assert (func.value.id, func.attr) != ("sys", "exit"), (name, node.lineno)


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
