"""Help, --version and shell completion: every command's help with an example, and usage shown without an
empty error line."""


def test_version_and_help_with_examples(ksw):
    assert ksw("--version").stdout.strip().startswith("ksw ")
    for command in ["events", "places", "actors", "stats", "timeline", "show", "map"]:
        result = ksw(command, "--help")
        assert result.returncode == 0 and "Example" in result.stdout and "ksw " + command in result.stdout


def test_help_and_version_still_work(ksw):
    assert ksw("--version").returncode == 0
    result = ksw("events", "--help")
    assert result.returncode == 0 and "--place" in result.stdout and result.stderr == ""


def test_no_arguments_shows_help_without_an_empty_error_line(ksw):
    result = ksw()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Usage" in result.stdout + result.stderr
    assert not any(line.strip() == "ksw:" for line in result.stderr.splitlines()), repr(result.stderr)


def test_corpus_group_without_subcommand_has_no_empty_error_line(ksw):
    result = ksw("corpus")
    assert result.returncode == 2
    assert not any(line.strip() == "ksw:" for line in result.stderr.splitlines()), repr(result.stderr)


def test_shell_completion_offers_place_and_actor_names(ksw):
    places = ksw(env={"_KSW_COMPLETE": "complete_bash", "COMP_WORDS": "ksw events --place Shu", "COMP_CWORD": "3"})
    assert "Shusha" in places.stdout.split("\n")
    actors = ksw(env={"_KSW_COMPLETE": "complete_bash", "COMP_WORDS": "ksw events --actor Arm", "COMP_CWORD": "3"})
    assert "Armenian\\ MoD" in actors.stdout.split("\n")  # escaped: bash inserts it as it is
