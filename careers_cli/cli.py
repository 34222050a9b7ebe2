"""The `careers` command line (Typer): parses options, calls the core, hands results to render.

entry.py runs this app for everything but the plain `show SLUG` and `search WORDS...`; `_Funnel`
sends every error a command raises to entry.failure, the one place errors become exit codes.
"""

from __future__ import annotations

import datetime
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
import typer
from typer.core import TyperGroup

from careers_cli import __version__, commands, entry, jsonout, render
from careers_cli.catalogue import Catalogue, builtin_data_dir, env_role_dirs, is_slug
from careers_cli.catalogue.files import read_yaml
from careers_cli.errors import CareersError, UsageError
from careers_cli.models import EXTRA_SECTIONS, SECTION_HEADINGS

if TYPE_CHECKING:
    pass

# Modules only some commands need (routes, comparison, filters, fuzzy search) are imported
# inside those commands: every import is paid on each start-up of `careers show`.

_GLOBAL_FLAGS = {"--pager", "--no-pager", "--no-builtin"}
_GLOBAL_WITH_VALUE = {"--color", "--data-dir"}


class _Funnel(TyperGroup):
    """Turns every error a user can cause into one line on stderr and an exit code."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Accept the options for every command after the command too (`show x --no-pager`):
        they are moved in front of it before click parses."""
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
        return super().parse_args(ctx, front + rest)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BaseException as e:
            code = entry.failure(e)  # prints the one-line message
            if code is None:
                raise
            raise click.exceptions.Exit(code) from None


app = typer.Typer(
    cls=_Funnel,
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
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _complete_slugs(incomplete: str) -> list[tuple[str, str]]:
    """Role slugs (with titles) for shell completion; never raises, never prints."""
    try:
        docs = _catalogue().index().docs
    except Exception:  # completion must stay silent whatever the data holds
        return []
    return sorted((d.slug, d.title) for d in docs if d.slug.startswith(incomplete))


def _complete_areas(incomplete: str) -> list[tuple[str, str]]:
    try:
        areas = _catalogue().areas
    except Exception:  # as above
        return []
    return [(key, a.name) for key, a in areas.items() if key.startswith(incomplete)]


def _complete_sections(incomplete: str) -> list[str]:
    return [
        k.replace("_", "-") for k in (*SECTION_HEADINGS, *EXTRA_SECTIONS) if k.replace("_", "-").startswith(incomplete)
    ]


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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careers {__version__}")
        raise typer.Exit()


class _Settings:
    """The global options of this run (set by the callback before any command runs)."""

    def __init__(self) -> None:
        self.data_dirs: list[Path] = []
        self.builtin = True


_settings = _Settings()


def _catalogue(use_cache: bool = True) -> Catalogue:
    """The catalogue for this run: built-in roles, CAREERS_DATA_DIR, then --data-dir folders."""
    return commands.open_catalogue(_settings.data_dirs, _settings.builtin, use_cache)


def _user_dirs() -> list[Path]:
    return [*_settings.data_dirs, *env_role_dirs()]


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
    if color not in render.COLOR_MODES:
        raise UsageError(f"No colour mode '{color}'. Choose from: {', '.join(render.COLOR_MODES)}")
    render.set_color(color)
    _settings.data_dirs = list(data_dir or [])
    _settings.builtin = not no_builtin
    ctx.with_resource(render.paged(pager))  # output is paged until the command ends
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
    format_: str = typer.Option("text", "--format", "-f", help="text, or markdown to print or share."),
    json_out: bool = JSON,
) -> None:
    """Show one role: pay, entry routes, the work, skills.

    Prints a header (other titles, area, pay bands with the £ range and pay year, hours, entry
    routes) and then one panel per section. SLUG may also be a role's former slug.
    """
    commands.show(_catalogue(), slug, section or (), format_, json_out)


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
    commands.search(_catalogue(), " ".join(query or []), limit, area, band, entry or (), json_out)


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
    from careers_cli.routes import Graph, nearest_into, routes_from, routes_into, shortest_routes

    if into and to:
        raise UsageError("Use --into or --to, not both")
    catalogue = _catalogue()
    role = catalogue.get(slug)
    if to is None and not into:
        tree = routes_from(catalogue.find, role, depth)
        render.print_json(jsonout.node(tree)) if json_out else render.route_tree(tree, catalogue.scales)
        return
    graph = Graph(catalogue.index().docs)
    if into:
        back = routes_into(graph, role.slug, depth)
        render.print_json(jsonout.node(back)) if json_out else render.route_tree(back, catalogue.scales, into=True)
        return
    goal = catalogue.get(to)
    routes = shortest_routes(graph, role.slug, goal.slug, most)
    if json_out:
        render.print_json([jsonout.route(r) for r in routes])
    elif routes:
        render.routes_between(routes, catalogue.scales)
    else:
        nearest = [(s, graph.title(s)) for s in nearest_into(graph, goal.slug)]
        render.no_route(role.title, goal.title, nearest)


@app.command()
def compare(
    slugs: list[str] = typer.Argument(..., help="Two to four role slugs.", autocompletion=_complete_slugs),
    json_out: bool = JSON,
) -> None:
    """Compare two to four roles side by side.

    One row per fact (area, pay, hours, entry routes, registration, training, where each role
    can lead, key skills), then each role's pay as a bar on one shared £ scale.
    """
    from careers_cli.compare import facts

    if not 2 <= len(slugs) <= 4:
        raise UsageError(f"Compare takes two to four roles, got {len(slugs)}")
    catalogue = _catalogue()
    roles = [catalogue.get(s) for s in slugs]
    twice = [r.slug for i, r in enumerate(roles) if r.slug in [x.slug for x in roles[:i]]]
    if twice:
        raise UsageError(f"'{twice[0]}' is given twice; compare different roles")
    columns = [facts(r, lambda s: found.title if (found := catalogue.find(s)) else None) for r in roles]
    if json_out:
        render.print_json([jsonout.facts(c) for c in columns])
    else:
        render.compare_table(columns)


@app.command()
def pay(
    band: str = typer.Argument(None, help="A band, e.g. 4: list the roles that start in it."),
    scale: str = typer.Option("agenda-for-change", "--scale", help="The pay scale (a file in data/pay)."),
    json_out: bool = JSON,
) -> None:
    """Show the pay scale and the roles starting in each band."""
    from careers_cli.compare import start_bands

    catalogue = _catalogue()
    found = catalogue.scales.get(scale)
    if found is None:
        raise UsageError(f"No pay scale '{scale}'. Choose from: {', '.join(catalogue.scales)}")
    counts = start_bands(found, catalogue.index().docs)
    if band is not None:
        wanted = band.strip().lower()
        count = next((c for c in counts if c.band.key == wanted), None)
        if count is None:
            raise UsageError(f"No band '{band}' in {found.name}. Choose from: {', '.join(b.key for b in found.bands)}")
        render.print_json(jsonout.band_count(count)) if json_out else render.band_roles(found, count, catalogue.areas)
        return
    if json_out:
        render.print_json(
            {
                "scale": found.key,
                "name": found.name,
                "year": found.year,
                "bands": [jsonout.band_count(c) for c in counts],
            }
        )
    else:
        render.pay_scale(found, counts)


@app.command("list")
def list_roles(
    area: str = AREA,
    band: str = BAND,
    entry: list[str] = ENTRY,
    source: bool = typer.Option(False, "--source", help="Show where each role comes from: built-in or its file."),
    json_out: bool = JSON,
) -> None:
    """List every role, grouped by area.

    When piped, prints one role a line: slug, title, area, subarea and bands (and with --source,
    where it comes from), separated by tabs.
    """
    catalogue = _catalogue()
    docs = catalogue.index().docs
    keep = commands.role_filter(catalogue, area, band, entry or [])
    order = {key: i for i, key in enumerate(catalogue.areas)}
    roles = sorted(filter(keep, docs), key=lambda d: (order.get(d.area, len(order)), d.title.lower()))
    commands.warn_skipped(catalogue)
    origins = {r.slug: commands.origin(r.path) for r in roles} if source else None
    if json_out:
        render.print_json([jsonout.listed(r, origins) for r in roles])
    else:
        render.role_list(
            roles, catalogue.areas.values(), catalogue.scales, render.stdout_console().is_terminal, origins
        )


@app.command()
def areas(json_out: bool = JSON) -> None:
    """List the areas of NHS careers and their roles count."""
    catalogue = _catalogue()
    docs = catalogue.index().docs
    counts = Counter(d.area for d in docs)
    per_subarea = Counter((d.area, d.subarea) for d in docs if d.subarea)
    rows = [
        (a, counts[a.key], {s.key: per_subarea[a.key, s.key] for s in a.subareas}) for a in catalogue.areas.values()
    ]
    if json_out:
        render.print_json([jsonout.area(a, n, subs) for a, n, subs in rows])
    else:
        render.areas_tree(rows)


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

    The file goes into --dir, or else the first folder of --data-dir and CAREERS_DATA_DIR. It is
    valid as written: replace the placeholders with facts you have checked.
    """
    from careers_cli import newrole  # PyYAML's emitter: only this command needs it

    if not is_slug(slug):
        raise UsageError(
            f"'{slug}' is not a slug: use lower-case letters, digits and hyphens, e.g. health-play-specialist"
        )
    folder = directory or next(iter(_user_dirs()), None)
    if folder is None:
        raise UsageError("No folder for your roles: give --dir, --data-dir or set CAREERS_DATA_DIR")
    catalogue = _catalogue()
    # A built-in role names the schema beside it; a file of yours, the installed copy.
    builtin = os.path.abspath(folder) == os.path.abspath(builtin_data_dir() / "roles")
    schema_dir = Path("..") if builtin else builtin_data_dir()
    if from_:
        original = catalogue.get(from_)
        text = newrole.copy(read_yaml(original.path), original.slug, schema_dir)
    else:
        key = commands.area_key(catalogue, area) if area else next(iter(catalogue.areas))
        text = newrole.blank(slug, key, list(catalogue.areas), schema_dir, datetime.date.today())
    path = folder / f"{slug}.yaml"
    replaced = " (it replaces the built-in role of that slug)" if catalogue.resolve(slug) else ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as f:
            f.write(text)
    except FileExistsError:
        raise CareersError(f"{path} already exists; nothing was written (choose another slug or edit it)") from None
    except OSError as e:
        raise CareersError(f"{path}: cannot write ({e.strerror}); nothing was written") from None
    render.write(f"{path}\n")
    render.info(f"Wrote a new role file{replaced}. Edit it, then check it: careers validate {path}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a role file.

    Editors with YAML support (yaml-language-server) use it to check a role file as you type;
    each built-in role file names it in its first line.
    """
    from careers_cli.catalogue.jsonschema import SCHEMA_FILE

    render.write((builtin_data_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))


@app.command()
def validate(
    paths: list[Path] = typer.Argument(None, help="Role files or folders to check (default: the built-in data)."),
    json_out: bool = JSON,
) -> None:
    """Check role files; print every problem.

    Each problem is one line, FILE:LINE:COLUMN: KEY: MESSAGE. Exits 1 if there is any.
    """
    files = _expand(paths or [])
    dirs = sorted({p.parent for p in files} | {p for p in (paths or []) if p.is_dir()})
    catalogue = Catalogue.open(
        role_dirs=[*env_role_dirs(), *_settings.data_dirs, *dirs], builtin_roles=_settings.builtin, use_cache=False
    )
    found = catalogue.problems(only=files if paths else None)
    if json_out:
        render.print_json([jsonout.problem(p) for p in found])
    else:
        render.problems(found)
    checked = len(files) if paths else len(catalogue.files)
    summary = f"{checked} role file{'s' * (checked != 1)} checked, {len(found)} problem{'s' * (len(found) != 1)}"
    (render.warn if found else render.info)(summary)
    if found:
        raise typer.Exit(1)


def _expand(paths: list[Path]) -> list[Path]:
    files = []
    for p in paths:
        if p.is_dir():
            files += sorted(p.glob("*.yaml"))
        elif p.is_file():
            files.append(p)
        else:
            raise CareersError(f"{p}: no such file or folder")
    return files


def run() -> NoReturn:
    """The Typer app, for every form entry.py does not carry out itself."""
    try:
        app()
    except KeyboardInterrupt:  # pressed before or after a command ran
        sys.exit(entry.EXIT_INTERRUPTED)
    sys.exit(0)
