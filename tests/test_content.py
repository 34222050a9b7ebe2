"""Rules every shipped role file keeps, beyond what the loader checks."""

from __future__ import annotations

import datetime

import pytest

from careers_cli.catalogue import Catalogue
from careers_cli.catalogue.build import START_URL

ROLES = Catalogue.open(role_dirs=[]).roles()
PLACEHOLDERS = ("One paragraph, in your own words", "What the work involves, where it happens", START_URL + "\n")


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.slug)
def test_a_shipped_role_is_finished(role: object) -> None:
    from careers_cli.models import Role

    assert isinstance(role, Role)
    assert role.source.checked <= datetime.date.today()
    assert role.source.url != START_URL, "cite the page the facts were checked against"
    assert "\n" not in role.summary and len(role.summary) <= 450, "the summary is one short paragraph"
    text = role.path.read_text(encoding="utf-8")
    assert not any(p in text for p in PLACEHOLDERS), "a placeholder from `careers new` is still there"
    assert role.sections, "at least one section"


def test_former_slugs_are_unique_and_name_no_current_file() -> None:
    catalogue = Catalogue.open(role_dirs=[])
    aliases = [old for r in ROLES for old in r.former_slugs]
    assert len(aliases) == len(set(aliases))
    assert not set(aliases) & set(catalogue.files)
