"""The documentation: the README's set-up commands, and docs/cli-reference.md, which is the
commands' own --help, so the two cannot drift (sqlite-utils' docs/cli-reference, kept by a test).

Regenerate the reference with: python tests/test_docs.py --write
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
REFERENCE = ROOT / "docs" / "cli-reference.md"
COMMANDS = [[], ["events"], ["claims"], ["disputes"], ["places"], ["actors"], ["stats"], ["timeline"], ["show"], ["map"], ["corpus", "check"]]
TITLE = """# Command reference

Every command's `--help`, generated from the commands themselves
(`python tests/test_docs.py --write`); a test fails when the two differ.
"""


def help_text(args: list[str]) -> str:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb", PYTHONPATH=str(ROOT))
    env.pop("FORCE_COLOR", None)
    out = subprocess.run([sys.executable, "-m", "kscli", *args, "--help"], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True).stdout
    return "\n".join(line.rstrip() for line in out.strip("\n").splitlines())


def reference() -> str:
    parts = [TITLE]
    for args in COMMANDS:
        parts += [f"## ksw {' '.join(args)}".rstrip(), "", "```text", help_text(args), "```", ""]
    return "\n".join(parts)


def test_reference_matches_help():
    assert REFERENCE.read_text("utf-8") == reference(), "docs/cli-reference.md is stale: python tests/test_docs.py --write"


def test_every_command_and_option_is_documented():
    """Every command of the app has its section, and every option its help line in it."""
    import typer.main

    from kscli.cli.commands import app

    text = REFERENCE.read_text("utf-8")
    root = typer.main.get_command(app)
    commands = [([], root)] + [([name], cmd) for name, cmd in root.commands.items() if name != "corpus"]
    commands += [(["corpus", name], cmd) for name, cmd in root.commands["corpus"].commands.items()]
    for path, command in commands:
        heading = f"## ksw {' '.join(path)}".rstrip()
        assert heading + "\n" in text, heading
        section = text.split(heading + "\n", 1)[1].split("\n## ", 1)[0]
        for param in command.params:
            for opt in getattr(param, "opts", ()):
                if opt.startswith("--"):
                    assert opt in section, (heading, opt)
                    assert getattr(param, "help", None) or param.param_type_name == "argument", (heading, opt)


def test_readme_shows_both_setup_commands_and_ci_runs_the_test_one():
    text = README.read_text("utf-8")
    assert "pip install . && ksw events --place Tartar" in text
    block = re.search(r"<!-- test-command -->\n```sh\n(.+?)\n```", text, re.S)
    assert block and "pytest" in block[1]
    assert "<!-- test-command -->" in (ROOT / ".ci" / "run").read_text()


def test_readme_stays_short_and_its_links_lead_somewhere():
    text = README.read_text("utf-8")
    assert len(text.encode("utf-8")) < 12_000
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        assert (ROOT / target).exists(), target


if __name__ == "__main__" and "--write" in sys.argv:
    REFERENCE.write_text(reference(), "utf-8")
