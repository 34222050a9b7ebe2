"""`careers sources [SLUG]`: which page each fact of a role rests on, or every role's pages.

For the people who keep the content right: what to recheck, and where, when a page changes or a
check grows old. Without a slug, every role with its pages, the oldest check first.
"""

from __future__ import annotations

import msgspec

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Result, named, skipped
from careers_cli.errors import CareersError
from careers_cli.models import SECTION_HEADINGS, SUPPORTS, Role, Source


class Fact(msgspec.Struct, frozen=True):
    key: str  # a SUPPORTS key
    label: str
    sources: tuple[Source, ...]


class RoleSources(Result, frozen=True, kw_only=True):
    kind = "sources"
    slug: str
    title: str
    facts: tuple[Fact, ...]
    sources: tuple[Source, ...]


class Checked(msgspec.Struct, frozen=True):
    slug: str
    title: str
    sources: tuple[Source, ...]

    @property
    def checked(self) -> str:
        return max(s.checked for s in self.sources).isoformat()


class AllSources(Result, frozen=True, kw_only=True):
    kind = "source-list"
    roles: tuple[Checked, ...]  # oldest check first


def run(catalogue: Catalogue, slug: str | None = None) -> RoleSources | AllSources:
    if slug is not None:
        role, said = named(catalogue, slug)
        facts = tuple(Fact(key, SUPPORTS[key], role.sources_of(key)) for key in facts_of(role))
        return RoleSources(slug=role.slug, title=role.title, facts=facts, sources=role.sources, notes=said)
    roles = []
    for each in sorted(catalogue.files):
        try:
            role = catalogue.get(each)
        except CareersError:
            continue  # skipped() says which
        roles.append(Checked(role.slug, role.title, role.sources))
    roles.sort(key=lambda r: (r.checked, r.slug))
    return AllSources(roles=tuple(roles), notes=skipped(catalogue))


def facts_of(role: Role) -> list[str]:
    """The SUPPORTS keys of the facts this role has, in SUPPORTS order."""
    present = {
        "title": True,
        "alternative_titles": bool(role.alternative_titles),
        "summary": True,
        "pay": role.pay is not None,
        "hours": bool(role.pay and role.pay.hours_per_week),
        "entry_routes": True,
        "registration": role.registration is not None,
        "training_length": role.training_length is not None,
        "progression": bool(role.progression),
        "related": bool(role.related),
        "organisations": bool(role.organisations),
    }
    present |= {key: key in {s.key for s in role.sections} for key in SECTION_HEADINGS}
    return [key for key in SUPPORTS if present.get(key)]
