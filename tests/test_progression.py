from __future__ import annotations

from careers_cli.catalogue import Catalogue
from careers_cli.progression import Node, routes_from

from conftest import FIXTURES

CATALOGUE = Catalogue.open(role_dirs=[FIXTURES / "roles"], builtin_roles=False)


def outline(node: Node, depth: int = 0) -> list[str]:
    mark = " (repeat)" if node.repeat else ""
    lines = ["  " * depth + f"{node.title}{mark}"]
    for child in node.next:
        lines += outline(child, depth + 1)
    return lines


def test_tree_follows_role_steps_to_the_depth() -> None:
    tree = routes_from(CATALOGUE, CATALOGUE.get("alpha-clerk"), depth=3)
    assert outline(tree) == [
        "Alpha clerk",
        "  Alpha team leader",
        "    Beta manager",
        "      Alpha clerk (repeat)",
        "  Gamma analyst",
    ]


def test_depth_limits_the_tree() -> None:
    tree = routes_from(CATALOGUE, CATALOGUE.get("alpha-clerk"), depth=1)
    assert outline(tree) == ["Alpha clerk", "  Alpha team leader", "  Gamma analyst"]


def test_cycles_end_at_a_role_already_on_the_branch() -> None:
    tree = routes_from(CATALOGUE, CATALOGUE.get("beta-manager"), depth=10)
    assert outline(tree) == [
        "Beta manager",
        "  Alpha clerk",
        "    Alpha team leader",
        "      Beta manager (repeat)",
        "    Gamma analyst",
    ]


def test_role_steps_carry_their_role_for_bands() -> None:
    tree = routes_from(CATALOGUE, CATALOGUE.get("beta-manager"), depth=1)
    child = tree.next[0]
    assert (child.slug, child.note, child.kind) == ("alpha-clerk", "back to the front line", "sideways")
    assert child.role is not None and child.role.band_keys == ("2", "3")
