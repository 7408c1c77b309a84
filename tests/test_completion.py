"""Shell completion as a user meets it: a real interactive bash in a pseudo-terminal, TAB pressed.

Each case types a command line, presses TAB, then a key bound to print the line as readline
holds it, and reads that back: what the user would see inserted. The completion function's
own output is checked for zsh and fish, whose shells may be absent here.
"""

from __future__ import annotations

import os
import pty
import select
import shlex
import shutil
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, ksw_command, run_ksw

DONE = "KSW-COMPLETION-DONE"

pytestmark = pytest.mark.skipif(not shutil.which("bash") or sys.platform == "win32", reason="needs bash and a pty")


@pytest.fixture(scope="module")
def bash(tmp_path_factory):
    """An interactive bash with ksw's completion loaded, as a user's shell would have it."""
    home = tmp_path_factory.mktemp("home")
    bin_dir = home / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "ksw"
    wrapper.write_text("#!/bin/sh\nexec " + " ".join(map(shlex.quote, ksw_command())) + ' "$@"\n')
    wrapper.chmod(0o755)
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "HOME": str(home), "TERM": "dumb",
           "INPUTRC": "/dev/null", "PS1": "$ ", "PYTHONPATH": str(ROOT), "NO_COLOR": "1",
           "KSW_CACHE_DIR": str(Path(os.environ.get("PYTEST_TMP", "/tmp")) / "ksw-test-cache")}
    # With shellingham installed, typer reads --show-completion as a flag and asks the process tree for
    # the shell, ignoring "bash"; under a test runner's workers that may find none and print nothing.
    # typer's own switch makes it take the shell named.
    script = run_ksw("--show-completion", "bash",
                     env={"PATH": env["PATH"], "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}).stdout
    assert script.startswith("_ksw_completion()"), script
    (home / "ksw.bash").write_text(script)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(home)
        os.execve(shutil.which("bash"), ["bash", "--norc", "--noprofile", "-i"], env)
    shell = Shell(fd)
    shell.send(f"source {home / 'ksw.bash'}\n")
    # The completion function says on stderr when it has run, so a case waits for that rather than a
    # fixed time that a loaded machine may overrun.
    shell.send("eval \"$(declare -f _ksw_completion | sed '1s/_ksw_completion/_ksw_real/')\"\n")
    shell.send(f"_ksw_completion() {{ _ksw_real \"$@\"; local s=$?; echo {DONE} >&2; return $s; }}\n")
    shell.send("bind -x '\"\\C-t\": printf \"LINE<%s>\\n\" \"$READLINE_LINE\"'\n")
    shell.send("echo READY\n")
    shell.read_until("READY\r\n$ ")
    run_ksw("events", "--place", "Tartar", env={"KSW_CACHE_DIR": env["KSW_CACHE_DIR"]})  # a warm cache
    yield shell
    os.kill(pid, 9)
    os.waitpid(pid, 0)


class Shell:
    def __init__(self, fd: int):
        self.fd = fd

    def send(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def read_until(self, marker: str, timeout: float = 30) -> str:
        out, end = b"", time.monotonic() + timeout
        while marker.encode() not in out:
            ready, _, _ = select.select([self.fd], [], [], max(0.0, end - time.monotonic()))
            if not ready:
                raise AssertionError(f"no {marker!r} in {out.decode(errors='replace')!r}")
            out += os.read(self.fd, 4096)
        return out.decode(errors="replace")

    def complete(self, line: str) -> str:
        """The line as readline holds it after `line` and TAB (then the line is wiped)."""
        self.send(line + "\t")
        self.read_until(DONE, timeout=120)
        self.send("\x14")
        text = self.read_until(">\r\n")
        self.send("\x15")  # ^U: an empty line for the next case
        return text.rsplit("LINE<", 1)[1].split(">\r\n", 1)[0]


def test_bash_escapes_a_name_with_a_space(bash):
    assert bash.complete("ksw events --place Tartar\\ D") == "ksw events --place Tartar\\ District "


def test_bash_keeps_a_half_completed_name_one_word(bash):
    # "Azerbaijani " with a bare space, then file names, was what TAB gave.
    assert bash.complete("ksw events --actor Azerbaijani\\ Mo") == "ksw events --actor Azerbaijani\\ Mo"
    assert bash.complete("ksw events --actor Azerbaijani\\ MoF") == "ksw events --actor Azerbaijani\\ MoFA "


@pytest.mark.parametrize("typed, inserted", [
    ("ksw events --place shus", "ksw events --place Shush"),  # lower case typed, the names as written
    ("ksw events --place Terte", "ksw events --place Terter"),
    ("ksw events --place Khankend", "ksw events --place Khankend"),
    ("ksw events --type shel", "ksw events --type shelling/strike "),
    ("ksw events --weapon Smerch\\ M", "ksw events --weapon Smerch\\ MLRS "),
    ("ksw stats --by wee", "ksw stats --by week "),
    ("ksw events --format geo", "ksw events --format geojson "),
    ("ksw events --fields id,da", "ksw events --fields id,date "),
    ("ksw events --side azer", "ksw events --side azerbaijani "),
])
def test_bash_completes_values(bash, typed, inserted):
    assert bash.complete(typed).startswith(inserted)


def _complete(shell: str, words: str, **env) -> list[str]:
    full = {"_KSW_COMPLETE": f"complete_{shell}", **env}
    if shell == "bash":
        full.update({"COMP_WORDS": words, "COMP_CWORD": str(len(shlex.split(words)) - (0 if words.endswith(" ") else 1))})
    else:
        full["_TYPER_COMPLETE_ARGS"] = words
    return run_ksw(env=full).stdout.splitlines()


def test_the_best_spelling_comes_first():
    assert _complete("bash", "ksw events --place Şu")[:2] == ["Şuşa", "Şuşi"]  # before Şuşakənd
    assert _complete("bash", "ksw events --place shu")[0] == "Shusha"
    assert "Terter" in _complete("bash", "ksw events --place Ter")
    assert "Khankendi" in _complete("bash", "ksw events --place Kha")
    assert "Khojaly\\ District" in _complete("bash", "ksw events --place Kho")


def test_zsh_and_fish_get_names_with_spaces_whole():
    zsh = " ".join(_complete("zsh", "ksw events --place Tartar\\ D"))
    assert '"Tartar District"' in zsh and "\\ " not in zsh
    fish = _complete("fish", "ksw events --place Tartar\\ D", _TYPER_COMPLETE_FISH_ACTION="get-args")
    assert "Tartar District" in fish
