"""The Typer app: parses options, calls one command module, hands its result to the output package.

main() in __init__.py runs this app for everything but the plain `show SLUG` and
`search WORDS...`. `_Group.invoke` sends every error a command raises through the funnel.
"""

# No `from __future__ import annotations` here: Typer would then evaluate every option's
# annotation from its string on every run (measured: 16M instructions, 3.6% of `careers list`).

import sys
from pathlib import Path
from typing import Any, NoReturn

import typer

from careers_cli import __version__, output
from careers_cli.cli import parser
from careers_cli.cli.funnel import Funnel
from careers_cli.cli.group import Group, Run
from careers_cli.commands.base import Result
from careers_cli.errors import ExitCode, UsageError
from careers_cli.models import EXTRA_SECTIONS, SECTION_HEADINGS
from careers_cli.output.env import COLOR_MODES, Environment
from careers_cli.visible import one_line

# Command modules other than show's are imported inside their commands: every import is paid
# on each start-up, and a run carries out one command.

app = typer.Typer(
    cls=Group,
    help="Explore the 350+ careers of the NHS in England: roles, entry routes, pay and progression.",
    invoke_without_command=True,
    epilog=(
        "\b\nExamples:\n"
        "  careers show health-records-staff\n"
        '  careers search "helth recrods"\n'
        "  careers path health-records-staff --to administrative-management\n"
        "  careers list --band 2-4 --entry apprenticeship"
    ),
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _run() -> Run:
    """This run's options (set by the callback before any command runs; during shell
    completion, which runs no callback, the defaults)."""
    ctx = parser.get_current_context(silent=True)
    found = ctx.find_object(Run) if ctx else None
    return found or Run(Environment(), [], True)


def _emit(result: Result, fmt: str = "text") -> None:
    """Hand a command's result to the output package; its exit code ends the run."""
    output.emit(result, fmt, _run().env)
    if result.exit_code != ExitCode.OK:
        raise typer.Exit(int(result.exit_code))


def _completing(ctx: Any) -> Run:
    """The run a completion belongs to: no callback runs then, so the folders come from the
    options parsed so far on the same line (`careers --data-dir mine show al<TAB>`)."""
    root = ctx.find_root() if ctx is not None else None
    params = root.params if root is not None else {}
    return Run(Environment(), list(params.get("data_dir") or []), not params.get("no_builtin"))


def _complete_slugs(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Role slugs (with titles) for shell completion; never raises, never prints."""
    try:
        docs = _completing(ctx).catalogue().index().docs
    except Exception:  # completion must stay silent whatever the data holds
        return []
    return sorted((d.slug, d.title) for d in docs if d.slug.startswith(incomplete))


def _complete_areas(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    try:
        areas = _completing(ctx).catalogue().areas
    except Exception:  # as above
        return []
    return [(key, a.name) for key, a in areas.items() if key.startswith(incomplete)]


def _complete_pay_years(ctx: typer.Context, incomplete: str) -> list[str]:
    try:
        years = _completing(ctx).catalogue().scale_years
    except Exception:  # as above
        return []
    found = sorted({t.year for tables in years.values() for t in tables}, reverse=True)
    return [y for y in found if y.startswith(incomplete)]


def _complete_sections(incomplete: str) -> list[str]:
    names = [k.replace("_", "-") for k in (*SECTION_HEADINGS, *EXTRA_SECTIONS)]
    return [n for n in names if n.startswith(incomplete)]


SLUG_HELP = "The role's slug, e.g. health-records-staff."
# Shown under each command's own options: the global ones work after the command too.
EVERY_COMMAND = (
    "Options for every command (before or after it): --data-dir DIR (repeatable), --no-builtin, "
    "--color auto|always|never, --pager/--no-pager, --plain, --pay-year YEAR."
)
JSON = typer.Option(False, "--json", help="Print JSON on stdout instead of text (see the README for the format).")
AREA = typer.Option(
    None,
    "--area",
    "-a",
    help="Only roles in this area (key or name, see `careers areas`).",
    autocompletion=_complete_areas,
)
BAND = typer.Option(None, "--band", "-b", help="Only roles paid in this band or range, e.g. 4 or 3-5.")
ENTRY = typer.Option(
    None, "--entry", "-e", help="Only roles with this entry route, e.g. apprenticeship (repeatable: all must hold)."
)


# The formats each handout command offers (tests check they are the output tables' own).
DOCUMENT_FORMATS = ("text", "plain", "markdown", "html", "json")
LIST_FORMATS = ("text", "plain", "markdown", "html", "json", "tsv")
# The format a file name asks for with --output when --format is not given.
SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".json": "json", ".txt": "plain", ".tsv": "tsv"}


def _format(offered: tuple[str, ...], default: str = "text") -> Any:
    return typer.Option(
        None,
        "--format",
        "-f",
        metavar="|".join(offered),
        help=f"The format to print (default: {default}; with --output, the one its file name ends in).",
        autocompletion=lambda incomplete: [f for f in offered if f.startswith(incomplete)],
    )


OUTPUT = typer.Option(
    None,
    "--output",
    "-o",
    metavar="FILE",
    help="Write to FILE instead of the screen (a handout: .html, .md, .txt, .json); never over a file without --force.",
)
FORCE = typer.Option(False, "--force", help="With --output: replace FILE if it exists.")


def _handout(result: Result, fmt: str | None, default: str, output_file: Path | None, force: bool) -> None:
    """Emit a result in the chosen format, to the screen or whole into --output FILE."""
    if output_file is None or str(output_file) == "-":
        _emit(result, fmt or default)
        return
    with output.to_file(output_file, _run().env, force) as env:
        output.emit(result, fmt or SUFFIX_FORMATS.get(output_file.suffix.lower(), "text"), env)
    if result.exit_code != ExitCode.OK:
        raise typer.Exit(int(result.exit_code))


def _fmt(json_out: bool) -> str:
    return "json" if json_out else "text"


def _chosen(json_out: bool, chosen: str | None) -> str | None:
    """--json or --format, whichever was given (None for neither); not two different ones."""
    if json_out and chosen not in (None, "json"):
        raise UsageError(f"Use --json or --format {one_line(chosen or '', 20)}, not both")
    return "json" if json_out else chosen


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careers {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: list[Path] = typer.Option(
        None, "--data-dir", help="A folder of your own role files, on top of the built-in ones (repeatable)."
    ),
    no_builtin: bool = typer.Option(False, "--no-builtin", help="Leave the built-in roles out."),
    color: str = typer.Option(
        "auto",
        "--color",
        metavar="|".join(COLOR_MODES),
        help="auto: colour on a terminal unless NO_COLOR is set; always; never.",
        autocompletion=lambda incomplete: [m for m in COLOR_MODES if m.startswith(incomplete)],
    ),
    pager: bool = typer.Option(
        None, "--pager/--no-pager", help="Page long output (default: when it is longer than the terminal)."
    ),
    plain: bool = typer.Option(
        None,
        "--plain",
        help="Text without boxes, bars or columns, for screen readers (default: when ACCESSIBLE is set).",
    ),
    pay_year: str = typer.Option(
        None,
        "--pay-year",
        metavar="YEAR",
        help="Pay of this year, e.g. 2025/26 (default: the year in force today; CAREERS_PAY_YEAR).",
        autocompletion=_complete_pay_years,
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Explore the 350+ careers of the NHS in England: roles, entry routes, pay and progression."""
    if color not in COLOR_MODES:
        raise UsageError(f"No colour mode '{one_line(color, 40)}'. Choose from: {', '.join(COLOR_MODES)}")
    ctx.obj = Run(Environment(color, pager, plain=plain), list(data_dir or []), not no_builtin, pay_year)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command(epilog=EVERY_COMMAND)
def show(
    slug: str = typer.Argument(..., help=SLUG_HELP, autocompletion=_complete_slugs),
    section: list[str] = typer.Option(
        None,
        "--section",
        "-s",
        help="Only this section (repeatable), e.g. pay, skills.",
        autocompletion=_complete_sections,
    ),
    format_: str = _format(DOCUMENT_FORMATS),
    output_file: Path = OUTPUT,
    force: bool = FORCE,
    json_out: bool = JSON,
) -> None:
    """Show one role: pay, entry routes, the work, skills.

    Prints a header (other titles, area, pay bands with the £ range and pay year, hours, entry
    routes) and then one panel per section. SLUG may also be a role's former slug.
    """
    from careers_cli.commands import show as command

    result = command.run(_run().catalogue(), slug, section or ())
    _handout(result, _chosen(json_out, format_), "text", output_file, force)


@app.command(epilog=EVERY_COMMAND)
def search(
    query: list[str] = typer.Argument(None, help="What to look for, e.g. records or helth recrods (quotes optional)."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="Show at most this many roles."),
    area: str = AREA,
    band: str = BAND,
    entry: list[str] = ENTRY,
    json_out: bool = JSON,
) -> None:
    """Find roles by what they are called or involve.

    Matches titles, other names, the summary and section text, forgiving typos; a title match
    outranks a passing mention.
    """
    from careers_cli.commands import search as command

    result = command.run(_run().catalogue(), " ".join(query or []), limit, area, band, entry or ())
    _emit(result, _fmt(json_out))


@app.command(epilog=EVERY_COMMAND)
def path(
    slug: str = typer.Argument(
        ..., help="The role to start from (or, with --into, to arrive at).", autocompletion=_complete_slugs
    ),
    depth: int = typer.Option(2, "--depth", "-d", min=1, max=10, help="How many moves to follow."),
    into: bool = typer.Option(False, "--into", help="Show what leads into the role instead."),
    to: str = typer.Option(
        None, "--to", help="Show the shortest routes from SLUG to this role.", autocompletion=_complete_slugs
    ),
    most: int = typer.Option(5, "--most", min=1, max=50, help="With --to: at most this many tied routes."),
    format_: str = _format(DOCUMENT_FORMATS),
    output_file: Path = OUTPUT,
    force: bool = FORCE,
    json_out: bool = JSON,
) -> None:
    """Show where a role can lead, as a tree.

    Steps that are roles show their pay band and pay and are followed into their own next steps;
    a role already on the branch is marked and not followed again. --into turns the tree round
    (what do people do before this role?); --to finds the shortest routes between two roles.
    """
    from careers_cli.commands import path as command

    result = command.run(_run().catalogue(), slug, depth, into, to, most)
    _handout(result, _chosen(json_out, format_), "text", output_file, force)


@app.command(epilog=EVERY_COMMAND)
def compare(
    slugs: list[str] = typer.Argument(None, help="Two to four role slugs.", autocompletion=_complete_slugs),
    from_shortlist: bool = typer.Option(False, "--shortlist", help="Compare the roles on your shortlist."),
    format_: str = _format(DOCUMENT_FORMATS),
    output_file: Path = OUTPUT,
    force: bool = FORCE,
    json_out: bool = JSON,
) -> None:
    """Compare two to four roles side by side.

    One row per fact (area, pay, hours, entry routes, registration, training, where each role
    can lead, key skills), then each role's pay as a bar on one shared £ scale.
    """
    from careers_cli.commands import compare as command

    if from_shortlist:
        from careers_cli.commands.shortlist import slugs_for_compare

        if slugs:
            raise UsageError("Give role slugs or --shortlist, not both")
        slugs = slugs_for_compare()
        if not 2 <= len(slugs) <= 4:
            raise UsageError(
                f"Your shortlist has {len(slugs)} roles and compare takes two to four; "
                "change it with `careers shortlist add` or `remove`"
            )
    _handout(command.run(_run().catalogue(), slugs or []), _chosen(json_out, format_), "text", output_file, force)


@app.command(epilog=EVERY_COMMAND)
def pay(
    band: str = typer.Argument(None, help="A band, e.g. 4: list the roles that start in it."),
    scale: str = typer.Option("agenda-for-change", "--scale", help="The pay scale (a file in data/pay)."),
    format_: str = _format(DOCUMENT_FORMATS),
    output_file: Path = OUTPUT,
    force: bool = FORCE,
    json_out: bool = JSON,
) -> None:
    """Show the pay scale and the roles starting in each band."""
    from careers_cli.commands import pay as command

    _handout(command.run(_run().catalogue(), band, scale), _chosen(json_out, format_), "text", output_file, force)


@app.command("list", epilog=EVERY_COMMAND)
def list_roles(
    area: str = AREA,
    band: str = BAND,
    entry: list[str] = ENTRY,
    source: bool = typer.Option(False, "--source", help="Show where each role comes from: built-in or its file."),
    format_: str = _format(LIST_FORMATS, "text, or tsv in a pipe"),
    output_file: Path = OUTPUT,
    force: bool = FORCE,
    json_out: bool = JSON,
) -> None:
    """List every role, grouped by area.

    When piped, prints one role a line: slug, title, area, subarea and bands (and with --source,
    where it comes from), separated by tabs.
    """
    from careers_cli.commands import list_roles as command

    run = _run()
    result = command.run(run.catalogue(), area, band, entry or (), source)
    default = "text" if run.env.is_terminal() else "tsv"
    _handout(result, _chosen(json_out, format_), default, output_file, force)


@app.command(epilog=EVERY_COMMAND)
def areas(json_out: bool = JSON) -> None:
    """List the areas of NHS careers and their roles count."""
    from careers_cli.commands import areas as command

    _emit(command.run(_run().catalogue()), _fmt(json_out))


@app.command(epilog=EVERY_COMMAND)
def new(
    slug: str = typer.Argument(..., help="The new role's slug, e.g. health-play-specialist."),
    from_: str = typer.Option(None, "--from", help="Start from a copy of this role.", autocompletion=_complete_slugs),
    directory: Path = typer.Option(None, "--dir", help="Write into this folder (default: your first data folder)."),
    area: str = typer.Option(
        None,
        "--area",
        "-a",
        help="The role's area (default: the copied role's, or the first).",
        autocompletion=_complete_areas,
    ),
) -> None:
    """Write a new role file to start from; never overwrites.

    The file goes into --dir, or else the first folder of --data-dir and CAREERS_DATA_DIR. Replace
    its placeholders with facts you have checked: `careers validate` refuses it until then.
    """
    from careers_cli.commands import new as command

    run = _run()
    _emit(command.run(run.catalogue(), slug, run.data_dirs, from_, directory, area))


@app.command(epilog=EVERY_COMMAND)
def sources(
    slug: str = typer.Argument(
        None, help="A role: the page each of its facts rests on.", autocompletion=_complete_slugs
    ),
    json_out: bool = JSON,
) -> None:
    """List the pages a role's facts were checked against, or every role's, oldest check first.

    With SLUG, each page with the day it was checked and the facts read from it (pay, entry routes,
    each section...). Without, one line a role: the newest check, the slug and its main page.
    """
    from careers_cli.commands import sources as command

    _emit(command.run(_run().catalogue(), slug), _fmt(json_out))


HAVE = typer.Option(
    None,
    "--have",
    help="What you have, e.g. gcse,a-level or degree (entry routes; repeatable or comma-separated).",
)


@app.command(epilog=EVERY_COMMAND)
def match(
    answers: str = typer.Option(
        None, "--answers", metavar="DIGITS", help="The answer string a match printed: gives the same list again."
    ),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="Suggest at most this many roles."),
    area: str = AREA,
    band: str = BAND,
    entry: list[str] = ENTRY,
    have: list[str] = HAVE,
    json_out: bool = JSON,
) -> None:
    """Suggest roles from what you like doing: 48 quick questions.

    In a terminal, asks how much you would like 48 activities (one key each: 1 dislike a lot to
    5 like a lot, s skip, b back, q finish), then lists the roles whose interest profile is most
    like yours, with the reason for each, and prints your answers as a string: --answers DIGITS
    gives the same list again (or pipe the string in). Filters keep a school leaver from being
    shown only consultant roles (--have gcse, --band 2-4). Nothing is saved.
    """
    from careers_cli.commands import match as command

    run = _run()
    catalogue = run.catalogue()
    if answers is None:
        answers = _answers_from_stdin(catalogue)
    result = command.run(catalogue, answers, limit, area, band, entry or (), have or ())
    _emit(result, _fmt(json_out))


def _answers_from_stdin(catalogue: Any) -> str:
    """The answers: asked in the terminal, or read from a pipe (`echo DIGITS | careers match`)."""
    from careers_cli.commands import match as command
    from careers_cli.interests import answer_string

    _, asked = command.questions(catalogue)
    if not sys.stdin.isatty():
        text = sys.stdin.read(4096)
        if not text.strip():
            raise UsageError("Give --answers DIGITS, or run `careers match` in a terminal to answer the questions")
        return text
    from careers_cli.cli.quiz import interactive_answers

    return answer_string(interactive_answers(asked))


@app.command(epilog=EVERY_COMMAND)
def start(
    have: list[str] = HAVE,
    from_: str = typer.Option(
        None, "--from", metavar="ROLE", help="Start from a role you do now.", autocompletion=_complete_slugs
    ),
    area: str = AREA,
    limit: int = typer.Option(15, "--limit", "-n", min=1, help="At most this many roles in each group."),
    json_out: bool = JSON,
) -> None:
    """What can I do from here? Roles open now, and one or two moves on.

    With --have (what you have: gcse, a-level, vocational, degree, ...): the roles with a way in
    you meet now, those that start with a course you can begin now, and the roles one or two
    moves on from them. With --from ROLE: the roles one and two moves on from it, each with the
    move's note and the band change.
    """
    from careers_cli.commands import start as command

    _emit(command.run(_run().catalogue(), have or (), from_, area, limit), _fmt(json_out))


SHORTLIST_ACTIONS = ("list", "add", "remove", "clear", "export")


@app.command(epilog=EVERY_COMMAND)
def shortlist(
    action: str = typer.Argument(
        "list",
        metavar="[list|add|remove|clear|export]",
        help="list (the default), add ROLE..., remove ROLE..., clear --yes, or export.",
        autocompletion=lambda incomplete: [a for a in SHORTLIST_ACTIONS if a.startswith(incomplete)],
    ),
    roles: list[str] = typer.Argument(None, help="With add or remove: role slugs.", autocompletion=_complete_slugs),
    yes: bool = typer.Option(False, "--yes", help="With clear: yes, empty the shortlist."),
    format_: str = _format(DOCUMENT_FORMATS, "markdown for export"),
    output_file: Path = OUTPUT,
    force: bool = FORCE,
    json_out: bool = JSON,
) -> None:
    """Keep a private list of roles, and export it as a handout.

    The list lives in your user data folder (CAREERS_SHORTLIST names another file); there is no
    account. `export` writes each role's summary, pay, ways in, where it can lead, and the pages
    its facts were checked against with their dates (--format markdown, html, plain or json;
    --output FILE). `careers compare --shortlist` compares the roles on it.
    """
    from careers_cli.commands import shortlist as command

    catalogue = _run().catalogue()
    if action not in SHORTLIST_ACTIONS:
        raise UsageError(f"No shortlist action '{one_line(action, 40)}'. Choose from: {', '.join(SHORTLIST_ACTIONS)}")
    if roles and action not in ("add", "remove"):
        raise UsageError(f"`careers shortlist {action}` takes no roles; did you mean `careers shortlist add`?")
    if action == "export":
        _handout(command.export(catalogue), _chosen(json_out, format_), "markdown", output_file, force)
        return
    if format_ or output_file:
        raise UsageError("--format and --output are for `careers shortlist export`; the others take --json")
    actions = {
        "list": lambda: command.show(catalogue),
        "add": lambda: command.add(catalogue, roles or []),
        "remove": lambda: command.remove(catalogue, roles or []),
        "clear": lambda: command.clear(catalogue, yes),
    }
    _emit(actions[action](), _fmt(json_out))


SCHEMAS = ("role", "output")


@app.command(epilog=EVERY_COMMAND)
def schema(
    which: str = typer.Argument(
        "role",
        metavar="[role|output]",
        help="role: a role file (the default); output: every command's --json output.",
        autocompletion=lambda incomplete: [s for s in SCHEMAS if s.startswith(incomplete)],
    ),
) -> None:
    """Print the JSON Schema of a role file, or of the --json output.

    Editors with YAML support (yaml-language-server) use the role schema to check a role file as
    you type; each built-in role file names it in its first line. The output schema has each
    command's output as $defs/COMMAND (show, search, list, areas, path, path-to, compare, pay,
    pay-band, validate), for scripts to rely on: within its version, fields are only added.
    """
    from careers_cli.commands import schema as command

    if which not in SCHEMAS:
        raise UsageError(f"No schema '{one_line(which, 40)}'. Choose from: {', '.join(SCHEMAS)}")
    _emit(command.run() if which == "role" else command.Schema(text=output.json_schema()))


@app.command(epilog=EVERY_COMMAND)
def validate(
    paths: list[Path] = typer.Argument(None, help="Role files or folders to check (default: the built-in data)."),
    older_than: str = typer.Option(
        None,
        "--older-than",
        metavar="AGE",
        help="Also a problem: a role whose facts were last checked longer ago than AGE (12m, 90d, 6w, 2y).",
    ),
    json_out: bool = JSON,
) -> None:
    """Check role files; print every problem.

    Each problem is one line, FILE:LINE:COLUMN: KEY: MESSAGE. Exits 1 if there is any. A pay scale
    whose newest year has ended is a warning: an award may have been missed.
    """
    from careers_cli.commands import validate as command

    run = _run()
    _emit(command.run(paths or [], run.data_dirs, run.builtin, older_than), _fmt(json_out))


def run() -> NoReturn:
    """The Typer app, for every form the fast path does not carry out itself."""
    code: int = ExitCode.OK
    try:
        app()
    except SystemExit as e:
        code = _code_of(e)
    except KeyboardInterrupt:  # pressed before or after a command ran
        code = ExitCode.INTERRUPTED
    # The last of the output is still buffered: write it here, where a closed pipe or a full
    # disk is an exit code, not an "Exception ignored" at the interpreter's exit.
    with Funnel() as funnel:
        sys.stdout.flush()
    sys.exit(funnel.code if funnel.code is not None else code)


def _code_of(e: SystemExit) -> int:
    if e.code is None or isinstance(e.code, int):
        return e.code or 0
    print(e.code, file=sys.stderr)
    return ExitCode.ERROR
