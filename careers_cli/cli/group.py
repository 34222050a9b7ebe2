"""The click group under the Typer app: how a run's options, errors and help behave.

Global options anywhere on the line, click's own errors printed like ours, every error a
command raises through the funnel, the closest command offered for a mistyped one, the help
counting the built-in roles, and `--install-completion SHELL`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from careers_cli import output
from careers_cli.catalogue import Catalogue
from careers_cli.cli import parser
from careers_cli.cli.funnel import Funnel
from careers_cli.commands import base
from careers_cli.errors import ExitCode, NotFound, UsageError
from careers_cli.output.env import Environment
from careers_cli.visible import one_line

# The parser's own exceptions (usage errors, --help, typer.Exit) must reach Typer unchanged.
_PARSER_EXITS = (parser.ClickException, parser.Exit, parser.Abort)

_GLOBAL_FLAGS = {"--pager", "--no-pager", "--no-builtin", "--plain"}
_GLOBAL_WITH_VALUE = {"--color", "--data-dir", "--pay-year"}


class Run:
    """The global options of one run, kept on Typer's context for the commands."""

    def __init__(self, env: Environment, data_dirs: list[Path], builtin: bool, pay_year: str | None = None) -> None:
        self.env = env
        self.data_dirs = data_dirs
        self.builtin = builtin
        self.pay_year = pay_year

    def catalogue(self, use_cache: bool = True) -> Catalogue:
        """The catalogue for this run: built-in roles, CAREERS_DATA_DIR, then --data-dir folders."""
        return base.open_catalogue(self.data_dirs, self.builtin, use_cache, self.pay_year)


class Group(TyperGroup):
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
            except parser.ClickException as e:
                _usage_error(e)
                code = e.exit_code
            except parser.Abort:
                code = ExitCode.INTERRUPTED
        if funnel.code is not None:
            code = funnel.code
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help names how many roles are built in, counted from the data, not written in."""
        self.help = description()
        super().format_help(ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Accept the options for every command after the command too (`show x --no-pager`):
        they are moved in front of it before click parses."""
        _install_completion_for(args)
        return super().parse_args(ctx, _global_options_first(args, set(self.list_commands(ctx))))

    def invoke(self, ctx: Any) -> Any:
        with Funnel(passthrough=_PARSER_EXITS, env=lambda: env_of(ctx)) as funnel:
            return super().invoke(ctx)
        raise typer.Exit(int(funnel.code or ExitCode.ERROR))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not ctx.resilient_parsing and self.get_command(ctx, name) is None:
            raise NotFound("command", name, self.list_commands(ctx))
        return super().resolve_command(ctx, args)


def _usage_error(e: Any) -> None:
    ctx = getattr(e, "ctx", None)
    if ctx is not None:
        hint = f"Try '{ctx.command_path} {ctx.help_option_names[0]}' for help."
        print(f"{ctx.get_usage()}\n{hint}\n", file=sys.stderr)
    output.error(e.format_message(), env_of(ctx) if ctx is not None else None)


HELP = (
    "Explore the careers of the NHS in England: {roles} roles built in (of the 350+ Health Careers "
    "describes), with their entry routes, pay and progression."
)


def description() -> str:
    """What `careers --help` and the man page say the tool is, with the role count of the data."""
    return HELP.format(roles=_builtin_roles())


def _builtin_roles() -> int:
    from careers_cli.catalogue import builtin_data_dir
    from careers_cli.catalogue.folders import is_role_file_name

    try:
        return sum(1 for name in os.listdir(builtin_data_dir() / "roles") if is_role_file_name(name))
    except OSError:
        return 0


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _json_after_the_command(args: list[str], commands: set[str]) -> list[str]:
    """`careers --json list` means `careers list --json`."""
    at = args.index("--json") if "--json" in args else -1
    command = next((i for i, a in enumerate(args) if a in commands), -1)
    if 0 <= at < command:
        return [*args[:at], *args[at + 1 : command + 1], "--json", *args[command + 1 :]]
    return args


def _install_completion_for(args: list[str]) -> None:
    """`--install-completion zsh` and `--show-completion zsh`: Typer's flags take no shell (they
    guess one), so a shell named after them is served here, and an unknown one refused."""
    flag = next((f for f in ("--install-completion", "--show-completion") if f in args), None)
    if flag is None:
        return
    at = args.index(flag)
    shell = args[at + 1] if at + 1 < len(args) else ""
    if not shell or shell.startswith("-"):
        return
    if shell not in SHELLS:
        raise UsageError(f"No shell '{one_line(shell, 40)}' to complete in. Choose from: {', '.join(SHELLS)}")
    from typer._completion_shared import get_completion_script, install  # Typer's own, for the shell named

    names = {"prog_name": "careers", "complete_var": "_CAREERS_COMPLETE"}
    if flag == "--show-completion":
        print(get_completion_script(shell=shell, **names))
    else:
        name, path = install(shell=shell, **names)
        print(f"{name} completion installed in {path}\nCompletion will take effect once you restart the terminal")
    sys.exit(0)


def _global_options_first(args: list[str], commands: set[str]) -> list[str]:
    """Global options moved in front of the command, and --json (every command's) after it."""
    args = _json_after_the_command(args, commands)
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


def env_of(ctx: Any) -> Environment | None:
    """The run's terminal state, once the callback has made it (an error in the options
    themselves comes before it: output then uses the defaults)."""
    return ctx.obj.env if isinstance(ctx.obj, Run) else None
