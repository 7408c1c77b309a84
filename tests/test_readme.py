"""The README's command reference is the commands' own --help, so the two cannot drift.

Regenerate it with: python tests/test_readme.py --write
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
COMMANDS = [[], ["events"], ["places"], ["actors"], ["stats"], ["timeline"], ["show"], ["map"], ["corpus", "check"]]
START, END = "<!-- reference:start -->", "<!-- reference:end -->"


def help_text(args: list[str]) -> str:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb", PYTHONPATH=str(ROOT))
    env.pop("FORCE_COLOR", None)
    out = subprocess.run([sys.executable, "-m", "kscli", *args, "--help"], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True).stdout
    return "\n".join(line.rstrip() for line in out.strip("\n").splitlines())


def reference() -> str:
    parts = [START]
    for args in COMMANDS:
        parts += [f"### ksw {' '.join(args)}".rstrip(), "", "```text", help_text(args), "```", ""]
    parts.append(END)
    return "\n".join(parts)


def current() -> str:
    text = README.read_text("utf-8")
    return text[text.index(START):text.index(END) + len(END)]


def test_readme_reference_matches_help():
    assert current() == reference(), "README reference is stale: run python tests/test_readme.py --write"


def test_readme_shows_both_setup_commands_and_ci_runs_the_test_one():
    text = README.read_text("utf-8")
    assert "pip install . && ksw events --place Tartar" in text
    block = re.search(r"<!-- test-command -->\n```sh\n(.+?)\n```", text, re.S)
    assert block and "pytest" in block[1]
    assert "<!-- test-command -->" in (ROOT / ".ci" / "run").read_text()


if __name__ == "__main__" and "--write" in sys.argv:
    text = README.read_text("utf-8")
    README.write_text(text[:text.index(START)] + reference() + text[text.index(END) + len(END):], "utf-8")
