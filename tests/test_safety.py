"""What a user can type, save or run into: every bad input gets a clear answer (issue classes
2, 3, 5 and 6: whole-truth validation, terminal safety, bounded work, small things)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careers_cli.cli.app import app

from conftest import FIXTURES

runner = CliRunner()
ROLE = """title: {title}
area: wider-healthcare-team
summary: {summary}
sections:
  working_life: Work.
  skills: [{item}]
entry_routes: [none-set]
organisations:
  - name: Body
    url: {url}
source:
  url: https://www.healthcareers.nhs.uk/x
  checked: 2026-11-25
"""


def role_file(folder: Path, slug: str = "odd", **fields: str) -> Path:
    values = {"title": "Odd role", "summary": "A test role.", "item": "typing", "url": "https://www.nhs.uk/x"}
    values.update({k: _quoted(v) for k, v in fields.items()})
    path = folder / f"{slug}.yaml"
    path.write_text(ROLE.format(**values), encoding="utf-8")
    return path


def _quoted(text: str) -> str:
    """The text as one YAML scalar, escapes and all, as an editor's YAML library writes it."""
    import yaml

    return (
        yaml.safe_dump(text, allow_unicode=True, width=1_000_000, default_style='"').strip().removesuffix("...").strip()
    )


def careers(*args: str, env: dict[str, str] | None = None, **kw: object) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, "COLUMNS": "80", **(env or {})}
    streams = {} if "stdout" in kw else {"capture_output": True}
    return subprocess.run([sys.executable, "-m", "careers_cli", *args], env=full, **streams, **kw)  # type: ignore[call-overload,no-any-return]


# -- 2. validate tells the whole truth in one run ----------------------------------------


def test_every_problem_of_a_file_in_one_run() -> None:
    result = runner.invoke(app, ["validate", str(FIXTURES / "invalid" / "many-mistakes.yaml")])
    keys = [line.split(": ")[1] for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    for key in (
        "alternative_titles[1]",
        "pay.bands[1]",
        "pay.hours_per_week",
        "progression[0].role",
        "related[1]",
        "organisations[0].url",
        "source.url",
        "source.checked",
        "sections.working_life",
    ):
        assert key in keys, key
    # A band in capitals is a band. (Only the messages are read: the temporary folder in a file's
    # path is random and once held "8A", in "tmp.Kv8A6cnXgV".)
    messages = [line.split(": ", 1)[1] for line in result.stdout.splitlines()]
    assert not any("8A" in message for message in messages)


def test_shape_and_value_problems_together(tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text(
        "title: Mixed\narea: nowhere\nsummary: x\nsections: {}\nentry_routes: gcse\n"
        "source: {url: 'not a url', checked: 2026-11-25}\n"
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == ["area", "entry_routes", "source.url"]


def test_editor_files_are_ignored_and_odd_files_reported(tmp_path: Path) -> None:
    role_file(tmp_path, "fine")
    (tmp_path / ".#fine.yaml").write_text("junk: [")
    (tmp_path / ".fine.yaml.swp").write_text("junk")
    (tmp_path / "fine.yaml~").write_text("junk")
    (tmp_path / "folder.yaml").mkdir()
    os.mkfifo(tmp_path / "pipe.yaml")
    result = careers("validate", str(tmp_path), timeout=20)
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1
    assert [line.removeprefix(f"{tmp_path}/") for line in lines] == [
        "folder.yaml: a folder, not a role file; a role file is a .yaml text file",
        "pipe.yaml: not a regular file (a pipe, socket or device); a role file is a .yaml text file",
    ]
    pipe = careers("validate", str(tmp_path / "pipe.yaml"), timeout=20)
    assert (pipe.returncode, pipe.stdout.decode()) == (
        1,
        f"{tmp_path}/pipe.yaml: not a regular file (a pipe, socket or device); a role file is a .yaml text file\n",
    )
    shown = careers("--data-dir", str(tmp_path), "show", "pipe", timeout=20)
    assert shown.returncode == 1 and b"not a regular file" in shown.stderr


# -- 3. terminal safety ------------------------------------------------------------------------

NASTY = "\x1b]0;pwned\x07\x1b[2J\u202eevil\u200b"


def test_no_escape_sequence_reaches_the_terminal_from_any_field(tmp_path: Path) -> None:
    role_file(tmp_path, summary=f"Sum {NASTY}", item=f"item {NASTY}")  # a title must be one plain line
    for args in (
        ["show", "odd"],
        ["show", "odd", "--format", "markdown"],
        ["list"],
        ["search", "odd"],
        ["path", "odd"],
    ):
        out = careers("--no-builtin", "--data-dir", str(tmp_path), "--color", "always", *args, timeout=20)
        assert out.returncode == 0, out.stderr
        text = (out.stdout + out.stderr).decode()
        # Our own hyperlinks (OSC 8) and colours are there; what the file holds is not.
        assert "\x1b]0;" not in text and "\x1b[2J" not in text and "\u202e" not in text and "\u200b" not in text
        if args[0] == "show" and "markdown" not in args:  # (Markdown escapes the codes' backslashes)
            assert "\\x1b]0;pwned\\x07" in text and "\\u202e" in text


def test_a_bad_address_is_refused_and_never_linked(tmp_path: Path) -> None:
    role_file(tmp_path, url="https://x.com/\x1b]0;pwned\x07")
    result = runner.invoke(app, ["validate", str(tmp_path / "odd.yaml")])
    assert result.exit_code == 1 and "\x1b" not in result.stdout
    assert result.stdout.strip().endswith(
        "organisations[0].url: expected a web address such as https://www.healthcareers.nhs.uk/..., got 'https://x.com/\\x1b]0;pwned\\x07'"
    )


def test_a_title_must_be_one_plain_line(tmp_path: Path) -> None:
    role_file(tmp_path, title="Two\nlines\tand a tab \x1b[2J")
    checked = runner.invoke(app, ["validate", str(tmp_path / "odd.yaml")])
    assert checked.exit_code == 1
    assert checked.stdout.endswith(
        "title: expected one line of plain text, got 'Two\\x0alines\\x09and a tab \\x1b[2J'\n"
    )
    listed = careers("--no-builtin", "--data-dir", str(tmp_path), "list", timeout=20)
    assert listed.stdout == b"" and listed.stderr.startswith(b"Warning: ")


def test_an_unknown_option_is_echoed_safely() -> None:
    result = careers("show", "x", "--\x1b]0;pwned\x07", timeout=20)
    assert result.returncode == 2
    assert b"\x1b" not in result.stderr and b"No such option: --\\x1b]0;pwned\\x07" in result.stderr
    long = careers("show", "a" * 100_000, timeout=20)
    assert long.returncode == 1 and len(long.stderr) < 400


@pytest.mark.parametrize("pager", ["false", "sh -c 'exit 3'", "'unbalanced", "/nonexistent/pager"])
def test_a_pager_that_fails_never_swallows_the_output(pager: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from careers_cli.output.env import Environment

    monkeypatch.setattr(Environment, "stdout_isatty", lambda self: True)
    env = {"PAGER": pager, "TERM": "xterm", "LINES": "5"}
    result = runner.invoke(app, ["--color", "never", "--pager", "show", "health-records-staff"], env=env)
    assert result.exit_code == 0
    assert result.stdout.startswith("Health records staff  (health-records-staff)")


def test_no_pager_on_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from careers_cli.output.env import Environment

    monkeypatch.setattr(Environment, "stdout_isatty", lambda self: True)
    marker = tmp_path / "paged"
    env = {"PAGER": f"touch {marker}", "TERM": "dumb", "LINES": "5"}
    assert runner.invoke(app, ["show", "health-records-staff"], env=env).stdout.startswith("Health records staff")
    assert not marker.exists()


def test_colour_never_holds_inside_the_pager(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from careers_cli.output.env import Environment

    monkeypatch.setattr(Environment, "stdout_isatty", lambda self: True)
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open('{paged}', 'w').write(sys.stdin.read())\""
    runner.invoke(
        app,
        ["--color", "never", "--pager", "show", "health-records-staff"],
        env={"PAGER": pager, "TERM": "xterm", "NO_COLOR": ""},
    )
    assert "Health records staff" in paged.read_text() and "\x1b[" not in paged.read_text()


@pytest.mark.parametrize("columns", ["0", "-3", "abc", "1", "5"])
def test_any_width_gives_readable_output(columns: str) -> None:
    out = careers("show", "health-records-staff", env={"COLUMNS": columns}, timeout=20)
    assert out.returncode == 0 and b"Health records staff" in out.stdout
    error = careers("show", "nope", env={"COLUMNS": columns}, timeout=20)
    assert error.stderr.startswith(b"Error: No role 'nope'.")


@pytest.mark.parametrize("args", [["show", "health-records-staff"], ["list"], ["search", "records", "--json"]])
def test_a_full_disk_or_a_closed_stdout_is_one_message(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = careers(*args, stdout=full, stderr=subprocess.PIPE, timeout=20)
    assert (result.returncode, result.stderr) == (1, b"Error: cannot write the output: No space left on device\n")
    closed = subprocess.run(
        [sys.executable, "-m", "careers_cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        close_fds=True,
        preexec_fn=lambda: os.close(1),
        timeout=20,
    )
    assert closed.returncode == 1 and closed.stderr.startswith(b"Error: standard output is closed")


# -- 5. bounded work ------------------------------------------------------------------------


def test_a_densely_linked_catalogue_gives_a_bounded_tree(tmp_path: Path) -> None:
    n = 12
    for i in range(n):
        steps = "".join(f"  - role: r{j}\n" for j in range(n) if j != i)
        (tmp_path / f"r{i}.yaml").write_text(
            f"title: Role {i}\narea: wider-healthcare-team\nsummary: x\nsections: {{}}\nentry_routes: [none-set]\n"
            f"progression:\n{steps}source: {{url: 'https://www.nhs.uk/x', checked: 2026-11-25}}\n"
        )
    for extra in ([], ["--into"]):
        start = time.monotonic()
        result = runner.invoke(
            app, ["--no-builtin", "--data-dir", str(tmp_path), "path", "r0", "--depth", "10", "--json", *extra]
        )
        assert result.exit_code == 0 and time.monotonic() - start < 10

        def count(node: dict[str, object]) -> int:
            return 1 + sum(count(c) for c in node["next"])  # type: ignore[attr-defined]

        tree = json.loads(result.stdout)
        assert count(tree) <= 1 + n * n  # each role followed once
        assert any(c["shown_above"] for c in tree["next"])


# -- 6. small things ------------------------------------------------------------------------


def test_small_things() -> None:
    assert runner.invoke(app, ["-h"]).stdout.startswith("Usage: ")
    both = runner.invoke(app, ["compare", "nope1", "nope2"])
    assert (both.exit_code, both.stderr) == (
        1,
        "Error: No roles 'nope1', 'nope2'. Try: careers search WORDS, or careers list\n",
    )
    ambiguous = runner.invoke(app, ["show", "health-records-staff", "-s", "w"])
    assert (
        ambiguous.stderr
        == "Error: Section 'w' could be any of: working-life, where-the-role-can-lead; give more of its name\n"
    )
    physio = runner.invoke(app, ["show", "physio"])
    assert physio.exit_code == 0 and physio.stdout.startswith("Physiotherapist  (physiotherapist)")
    empty = runner.invoke(app, ["--no-builtin", "list"])
    assert (empty.exit_code, empty.stdout) == (0, "")
    assert "the built-in ones are left out (--no-builtin)" in empty.stderr
    built_in = len(list((Path(__file__).parent.parent / "data" / "roles").glob("*.yaml")))
    assert f"{built_in} roles built in" in " ".join(runner.invoke(app, ["--help"]).stdout.split())


def test_completion_sees_the_folders_on_the_same_line() -> None:
    words = f"careers --data-dir {FIXTURES / 'roles'} show alp"
    env = {"_CAREERS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "4"}
    assert runner.invoke(app, [], env=env, prog_name="careers").stdout.split() == ["alpha-clerk"]


def test_install_completion_for_a_named_shell(tmp_path: Path) -> None:
    result = careers("--install-completion", "zsh", env={"HOME": str(tmp_path)}, timeout=20)
    assert result.returncode == 0 and (tmp_path / ".zfunc" / "_careers").is_file()
    wrong = careers("--install-completion", "tcsh", env={"HOME": str(tmp_path)}, timeout=20)
    assert wrong.returncode == 2 and wrong.stderr.startswith(b"Error: No shell 'tcsh'")


# -- rendering, for any text a role file can hold -------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40))
def test_any_text_in_a_role_renders_safely_in_every_format(tmp_path: Path, text: str) -> None:
    if not text.strip():
        text = "x" + text
    role_file(tmp_path, summary=text, item=text)
    env = {"CAREERS_CACHE_DIR": str(tmp_path / "cache")}
    for args in (
        ["show", "odd"],
        ["show", "odd", "-f", "markdown"],
        ["show", "odd", "--json"],
        ["list"],
        ["search", "odd"],
    ):
        result = runner.invoke(app, ["--no-builtin", "--data-dir", str(tmp_path), *args], env=env)
        assert result.exit_code == 0, (args, result.stderr)
        allowed = "\n\t"  # harmless to a terminal (and the TSV's own separator)
        assert not any((ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0) and c not in allowed for c in result.stdout), args
    listed = runner.invoke(app, ["--no-builtin", "--data-dir", str(tmp_path), "list"], env=env).stdout
    assert listed.count("\n") == 1 and listed.count("\t") == 4


def test_ctrl_c_goes_to_the_pager_which_ends_its_own_way(tmp_path: Path) -> None:
    """The pager is interrupted (Ctrl-C reaches the whole process group); careers must neither
    die nor kill it, so a real pager can restore the terminal: it waits, and exits 0."""
    import pty

    marker = tmp_path / "pager-finished"
    pager = tmp_path / "pager.py"
    pager.write_text(
        "import os, signal, sys, time\n"
        "signal.signal(signal.SIGINT, lambda *a: None)  # as less does\n"
        "os.killpg(os.getpgrp(), signal.SIGINT)\n"
        "time.sleep(0.3)\n"
        "sys.stdin.read()\n"
        f"open({str(marker)!r}, 'w').write('done')\n"
    )
    leader, follower = pty.openpty()
    env = {**os.environ, "PAGER": f"{sys.executable} {pager}", "TERM": "xterm", "LINES": "5", "COLUMNS": "80"}
    proc = subprocess.run(
        [sys.executable, "-m", "careers_cli", "show", "health-records-staff"],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
        timeout=30,
        start_new_session=True,
        check=False,
    )
    os.close(follower)
    os.close(leader)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert marker.read_text() == "done"


def test_from_the_hostile_case_run(tmp_path: Path) -> None:
    """Cases a tester found: each named by the flaw it had."""
    missing = tmp_path / "typo"
    shown = runner.invoke(app, ["--data-dir", str(missing), "show", "health-records-staff"])
    assert shown.exit_code == 0 and shown.stderr == f"Warning: {missing}: no such folder; check the path\n"
    more = runner.invoke(
        app, ["path", "start", "--to", "goal", "--most", "1"], env={"CAREERS_DATA_DIR": str(FIXTURES / "graph")}
    )
    assert more.stdout.startswith("1 of the shortest routes (there are more: --most N shows more), 2 moves")
    assert runner.invoke(app, ["--json", "areas"]).stdout.startswith("[")
    both = runner.invoke(app, ["show", "health-records-staff", "--json", "--format", "markdown"])
    assert (both.exit_code, both.stderr) == (2, "Error: Use --json or --format markdown, not both\n")
    script = careers("--show-completion", "zsh", timeout=20)
    assert script.returncode == 0 and script.stdout.startswith(b"#compdef careers")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: Bad\narea: wider-healthcare-team\nsummary: ''\nsections:\n  skills: [3, yes]\n"
        "entry_routes: [none-set]\nformer_slugs: [porter]\nrelated: [no-such-role]\n"
        "alternative_titles: [no, 12]\nsource: {url: 'https://www.nhs.uk/x', checked: 2026-11-25}\n"
    )
    keys = [line.split(": ")[1] for line in runner.invoke(app, ["validate", str(bad)]).stdout.splitlines()]
    assert keys == [
        "summary",
        "sections.skills[0]",
        "sections.skills[1]",
        "former_slugs[0]",
        "related[0]",
        "alternative_titles[0]",
        "alternative_titles[1]",
    ]
    not_yaml = tmp_path / "notes.txt"
    not_yaml.write_text("title: [")
    refused = runner.invoke(app, ["validate", str(not_yaml)])
    assert refused.exit_code == 1 and refused.stdout.startswith(f"{not_yaml}: not a role file")
