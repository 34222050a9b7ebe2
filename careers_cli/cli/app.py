"""The Typer app: parses options, calls one command module, hands its result to the output package.

main() in __init__.py runs this app for everything but the plain `show SLUG` and
`search WORDS...`. `_Group.invoke` sends every error a command raises through the funnel.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click
import typer
from typer.core import TyperGroup

from careers_cli import __version__, output
from careers_cli.catalogue import Catalogue
from careers_cli.cli.funnel import Funnel
from careers_cli.commands import base
from careers_cli.commands.base import Result
from careers_cli.errors import ExitCode, NotFound, UsageError
from careers_cli.models import EXTRA_SECTIONS, SECTION_HEADINGS
from careers_cli.output.env import COLOR_MODES, Environment
from careers_cli.visible import one_line

# Command modules other than show's are imported inside their commands: every import is paid
# on each start-up, and a run carries out one command.

# The parser's own exceptions (usage errors, --help, typer.Exit) must reach Typer unchanged.
_PARSER_EXITS = (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort)

_GLOBAL_FLAGS = {"--pager", "--no-pager", "--no-builtin"}
_GLOBAL_WITH_VALUE = {"--color", "--data-dir"}


class _Run:
    """The global options of one run, kept on Typer's context for the commands."""

    def __init__(self, env: Environment, data_dirs: list[Path], builtin: bool) -> None:
        self.env = env
        self.data_dirs = data_dirs
        self.builtin = builtin

    def catalogue(self, use_cache: bool = True) -> Catalogue:
        """The catalogue for this run: built-in roles, CAREERS_DATA_DIR, then --data-dir folders."""
        return base.open_catalogue(self.data_dirs, self.builtin, use_cache)


class _Group(TyperGroup):
    """Global options anywhere on the line; every error through the funnel; commands suggested."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **kwargs: Any,
    ) -> Any:
        """click's own errors (an unknown option, a missing argument) are printed like ours:
        one safe line, as they repeat what was typed; the usage and a hint come first."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **kwargs)
        code: Any = None
        # Errors raised while the options themselves are parsed come here, not through invoke.
        with Funnel(passthrough=_PARSER_EXITS) as funnel:
            try:
                code = super().main(args, prog_name, complete_var, False, windows_expand_args, **kwargs)
            except click.exceptions.ClickException as e:
                _usage_error(e)
                code = e.exit_code
            except click.exceptions.Abort:
                code = ExitCode.INTERRUPTED
        if funnel.code is not None:
            code = funnel.code
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help names how many roles are built in, counted from the data, not written in."""
        self.help = HELP.format(roles=_builtin_roles())
        super().format_help(ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Accept the options for every command after the command too (`show x --no-pager`):
        they are moved in front of it before click parses."""
        _install_completion_for(args)
        return super().parse_args(ctx, _global_options_first(args))

    def invoke(self, ctx: Any) -> Any:
        with Funnel(passthrough=_PARSER_EXITS, env=lambda: _env_of(ctx)) as funnel:
            return super().invoke(ctx)
        raise typer.Exit(int(funnel.code or ExitCode.ERROR))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not ctx.resilient_parsing and self.get_command(ctx, name) is None:
            raise NotFound("command", name, self.list_commands(ctx))
        return super().resolve_command(ctx, args)


def _usage_error(e: click.exceptions.ClickException) -> None:
    ctx = getattr(e, "ctx", None)
    if ctx is not None:
        hint = f"Try '{ctx.command_path} {ctx.help_option_names[0]}' for help."
        print(f"{ctx.get_usage()}\n{hint}\n", file=sys.stderr)
    output.error(e.format_message(), _env_of(ctx) if ctx is not None else None)


HELP = (
    "Explore the careers of the NHS in England: {roles} roles built in (of the 350+ Health Careers "
    "describes), with their entry routes, pay and progression."
)


def _builtin_roles() -> int:
    from careers_cli.catalogue import builtin_data_dir
    from careers_cli.catalogue.folders import is_role_file_name

    try:
        return sum(1 for name in os.listdir(builtin_data_dir() / "roles") if is_role_file_name(name))
    except OSError:
        return 0


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _install_completion_for(args: list[str]) -> None:
    """`--install-completion zsh`: Typer's flag takes no shell (it guesses one), so a shell
    named after it is installed here, and an unknown one refused."""
    if "--install-completion" not in args:
        return
    at = args.index("--install-completion")
    shell = args[at + 1] if at + 1 < len(args) else ""
    if not shell or shell.startswith("-"):
        return
    if shell not in SHELLS:
        raise UsageError(f"No shell '{one_line(shell, 40)}' to complete in. Choose from: {', '.join(SHELLS)}")
    from typer._completion_shared import install  # Typer's own installer, for the shell named

    name, path = install(shell=shell, prog_name="careers", complete_var="_CAREERS_COMPLETE")
    print(f"{name} completion installed in {path}\nCompletion will take effect once you restart the terminal")
    sys.exit(0)


def _global_options_first(args: list[str]) -> list[str]:
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        name = arg.split("=", 1)[0]
        if arg == "--":
            rest += args[i:]
            break
        if name in _GLOBAL_FLAGS:
            front.append(arg)
        elif name in _GLOBAL_WITH_VALUE:
            front += args[i : i + (1 if "=" in arg else 2)]
            i += 0 if "=" in arg else 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _env_of(ctx: Any) -> Environment | None:
    """The run's terminal state, once the callback has made it (an error in the options
    themselves comes before it: output then uses the defaults)."""
    return ctx.obj.env if isinstance(ctx.obj, _Run) else None


app = typer.Typer(
    cls=_Group,
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


def _run() -> _Run:
    """This run's options (set by the callback before any command runs; during shell
    completion, which runs no callback, the defaults)."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(_Run) if ctx else None
    return found or _Run(Environment(), [], True)


def _emit(result: Result, fmt: str = "text") -> None:
    """Hand a command's result to the output package; its exit code ends the run."""
    output.emit(result, fmt, _run().env)
    if result.exit_code != ExitCode.OK:
        raise typer.Exit(int(result.exit_code))


def _completing(ctx: Any) -> _Run:
    """The run a completion belongs to: no callback runs then, so the folders come from the
    options parsed so far on the same line (`careers --data-dir mine show al<TAB>`)."""
    root = ctx.find_root() if ctx is not None else None
    params = root.params if root is not None else {}
    return _Run(Environment(), list(params.get("data_dir") or []), not params.get("no_builtin"))


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


def _complete_sections(incomplete: str) -> list[str]:
    names = [k.replace("_", "-") for k in (*SECTION_HEADINGS, *EXTRA_SECTIONS)]
    return [n for n in names if n.startswith(incomplete)]


SLUG_HELP = "The role's slug, e.g. health-records-staff."
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


def _fmt(json_out: bool, text: str = "text") -> str:
    return "json" if json_out else text


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
        "auto", "--color", help="auto: colour on a terminal unless NO_COLOR is set; always; never."
    ),
    pager: bool = typer.Option(
        None, "--pager/--no-pager", help="Page long output (default: when it is longer than the terminal)."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Explore the 350+ careers of the NHS in England: roles, entry routes, pay and progression."""
    if color not in COLOR_MODES:
        raise UsageError(f"No colour mode '{one_line(color, 40)}'. Choose from: {', '.join(COLOR_MODES)}")
    ctx.obj = _Run(Environment(color, pager), list(data_dir or []), not no_builtin)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command()
def show(
    slug: str = typer.Argument(..., help=SLUG_HELP, autocompletion=_complete_slugs),
    section: list[str] = typer.Option(
        None,
        "--section",
        "-s",
        help="Only this section (repeatable), e.g. pay, skills.",
        autocompletion=_complete_sections,
    ),
    format_: str = typer.Option("text", "--format", "-f", help="text, markdown (to print or share) or json."),
    json_out: bool = JSON,
) -> None:
    """Show one role: pay, entry routes, the work, skills.

    Prints a header (other titles, area, pay bands with the £ range and pay year, hours, entry
    routes) and then one panel per section. SLUG may also be a role's former slug.
    """
    from careers_cli.commands import show as command

    _emit(command.run(_run().catalogue(), slug, section or ()), _fmt(json_out, format_))


@app.command()
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


@app.command()
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
    json_out: bool = JSON,
) -> None:
    """Show where a role can lead, as a tree.

    Steps that are roles show their pay band and pay and are followed into their own next steps;
    a role already on the branch is marked and not followed again. --into turns the tree round
    (what do people do before this role?); --to finds the shortest routes between two roles.
    """
    from careers_cli.commands import path as command

    _emit(command.run(_run().catalogue(), slug, depth, into, to, most), _fmt(json_out))


@app.command()
def compare(
    slugs: list[str] = typer.Argument(..., help="Two to four role slugs.", autocompletion=_complete_slugs),
    json_out: bool = JSON,
) -> None:
    """Compare two to four roles side by side.

    One row per fact (area, pay, hours, entry routes, registration, training, where each role
    can lead, key skills), then each role's pay as a bar on one shared £ scale.
    """
    from careers_cli.commands import compare as command

    _emit(command.run(_run().catalogue(), slugs), _fmt(json_out))


@app.command()
def pay(
    band: str = typer.Argument(None, help="A band, e.g. 4: list the roles that start in it."),
    scale: str = typer.Option("agenda-for-change", "--scale", help="The pay scale (a file in data/pay)."),
    json_out: bool = JSON,
) -> None:
    """Show the pay scale and the roles starting in each band."""
    from careers_cli.commands import pay as command

    _emit(command.run(_run().catalogue(), band, scale), _fmt(json_out))


@app.command("list")
def list_roles(
    area: str = AREA,
    band: str = BAND,
    entry: list[str] = ENTRY,
    source: bool = typer.Option(False, "--source", help="Show where each role comes from: built-in or its file."),
    format_: str = typer.Option(
        None, "--format", "-f", help="text (grouped), tsv (one role a line) or json; default: tsv in a pipe."
    ),
    json_out: bool = JSON,
) -> None:
    """List every role, grouped by area.

    When piped, prints one role a line: slug, title, area, subarea and bands (and with --source,
    where it comes from), separated by tabs.
    """
    from careers_cli.commands import list_roles as command

    run = _run()
    result = command.run(run.catalogue(), area, band, entry or (), source)
    _emit(result, _fmt(json_out, format_ or ("text" if run.env.is_terminal() else "tsv")))


@app.command()
def areas(json_out: bool = JSON) -> None:
    """List the areas of NHS careers and their roles count."""
    from careers_cli.commands import areas as command

    _emit(command.run(_run().catalogue()), _fmt(json_out))


@app.command()
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


@app.command()
def schema() -> None:
    """Print the JSON Schema of a role file.

    Editors with YAML support (yaml-language-server) use it to check a role file as you type;
    each built-in role file names it in its first line.
    """
    from careers_cli.commands import schema as command

    _emit(command.run())


@app.command()
def validate(
    paths: list[Path] = typer.Argument(None, help="Role files or folders to check (default: the built-in data)."),
    json_out: bool = JSON,
) -> None:
    """Check role files; print every problem.

    Each problem is one line, FILE:LINE:COLUMN: KEY: MESSAGE. Exits 1 if there is any.
    """
    from careers_cli.commands import validate as command

    run = _run()
    _emit(command.run(paths or [], run.data_dirs, run.builtin), _fmt(json_out))


def run() -> NoReturn:
    """The Typer app, for every form the fast path does not carry out itself."""
    try:
        app()
    except KeyboardInterrupt:  # pressed before or after a command ran
        sys.exit(ExitCode.INTERRUPTED)
    sys.exit(0)
