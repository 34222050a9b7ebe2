"""The person's shortlist: a small JSON file of role slugs in their user data folder, no account.

CAREERS_SHORTLIST names another file. The file is written whole or not at all (a temporary file
beside it, then renamed), and one that cannot be read as a shortlist is never overwritten: the
error names it, so nothing the person keeps is lost.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from careers_cli.errors import CareersError
from careers_cli.visible import one_line

ENV_SHORTLIST = "CAREERS_SHORTLIST"
VERSION = 1


def shortlist_path() -> Path:
    """CAREERS_SHORTLIST, else shortlist.json in the platform's user data folder."""
    given = os.environ.get(ENV_SHORTLIST)
    if given:
        return Path(given)
    from platformdirs import user_data_dir

    return Path(user_data_dir("careers", appauthor=False)) / "shortlist.json"


def read(path: Path) -> list[str]:
    """The slugs on the shortlist, in the order added; [] when there is no file yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as e:
        raise CareersError(f"{one_line(str(path))}: cannot read the shortlist ({_why(e)}); check the file") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise CareersError(
            f"{one_line(str(path))}:{e.lineno}:{e.colno}: not a shortlist ({e.msg}); "
            f"fix it or move it away (set {ENV_SHORTLIST} to use another file)"
        ) from None
    slugs = data.get("roles") if isinstance(data, dict) else None
    if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
        raise CareersError(
            f'{one_line(str(path))}: not a shortlist (expected {{"roles": [slugs]}}); '
            f"fix it or move it away (set {ENV_SHORTLIST} to use another file)"
        )
    return list(dict.fromkeys(slugs))


def write(path: Path, slugs: list[str]) -> None:
    """Save the shortlist, replacing the file only once the new one is complete."""
    text = json.dumps({"version": VERSION, "roles": slugs}, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f".{path.name}.part")
        part.write_text(text, encoding="utf-8")
        os.replace(part, path)
    except OSError as e:
        raise CareersError(f"{one_line(str(path))}: cannot save the shortlist ({_why(e)})") from None


def _why(e: Exception) -> str:
    return getattr(e, "strerror", None) or type(e).__name__
