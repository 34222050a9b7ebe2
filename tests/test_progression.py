from __future__ import annotations

from pathlib import Path

from careers_cli.catalogue import Catalogue
from careers_cli.routes import (
    Graph,
    Node,
    RouteStep,
    nearest_into,
    routes_from,
    routes_into,
    shortest_routes,
)

from conftest import FIXTURES

CATALOGUE = Catalogue.open(role_dirs=[FIXTURES / "roles"], builtin_roles=False)


def outline(node: Node, depth: int = 0) -> list[str]:
    mark = " (repeat)" if node.repeat else ""
    lines = ["  " * depth + f"{node.title}{mark}"]
    for child in node.next:
        lines += outline(child, depth + 1)
    return lines


def test_tree_follows_role_steps_to_the_depth() -> None:
    tree, _ = routes_from(CATALOGUE.find, CATALOGUE.get("alpha-clerk"), depth=3)
    assert outline(tree) == [
        "Alpha clerk",
        "  Alpha team leader",
        "    Beta manager",
        "      Alpha clerk (repeat)",
        "  Gamma analyst",
    ]


def test_depth_limits_the_tree() -> None:
    tree, _ = routes_from(CATALOGUE.find, CATALOGUE.get("alpha-clerk"), depth=1)
    assert outline(tree) == ["Alpha clerk", "  Alpha team leader", "  Gamma analyst"]


def test_cycles_end_at_a_role_already_on_the_branch() -> None:
    tree, _ = routes_from(CATALOGUE.find, CATALOGUE.get("beta-manager"), depth=10)
    assert outline(tree) == [
        "Beta manager",
        "  Alpha clerk",
        "    Alpha team leader",
        "      Beta manager (repeat)",
        "    Gamma analyst",
    ]


def test_role_steps_carry_their_role_for_bands() -> None:
    tree, _ = routes_from(CATALOGUE.find, CATALOGUE.get("beta-manager"), depth=1)
    child = tree.next[0]
    assert (child.slug, child.note, child.kind) == ("alpha-clerk", "back to the front line", "sideways")
    assert (child.bands, child.scale) == (("2", "3"), "agenda-for-change")


GRAPH = Graph(Catalogue.open(role_dirs=[FIXTURES / "graph"], builtin_roles=False).index().docs)


def route_text(route: list[RouteStep]) -> str:
    return " > ".join(f"{s.title}" + (f" [{s.note}]" if s.note else "") for s in route)


def test_shortest_routes_find_every_tie() -> None:
    routes = shortest_routes(GRAPH, "start", "goal")
    assert [route_text(r) for r in routes] == [
        "Start role > Left role [with experience] > Goal role",
        "Start role > Right role [after a course] > Goal role [with a degree]",
    ]
    assert [s.bands for s in routes[0]] == [("2",), ("3",), ("5", "6")]


def test_routes_pass_named_steps() -> None:
    [route] = shortest_routes(GRAPH, "climber", "left")
    assert route_text(route) == (
        "Climber role > Team lead > Goal role [after leading a team] > Start role [back to the start]"
        " > Left role [with experience]"
    )
    assert [s.slug for s in route] == ["climber", None, "goal", "start", "left"]


def test_no_route_and_nearest_roles_into_the_goal() -> None:
    assert shortest_routes(GRAPH, "island", "goal") == []
    assert nearest_into(GRAPH, "goal") == ["left", "right", "climber", "start"]


def test_cycles_do_not_loop_and_self_route_is_one_stop() -> None:
    assert [route_text(r) for r in shortest_routes(GRAPH, "goal", "goal")] == ["Goal role"]
    assert len(shortest_routes(GRAPH, "goal", "right")[0]) == 3


def test_the_tie_limit_is_kept() -> None:
    assert len(shortest_routes(GRAPH, "start", "goal", most=1)) == 1


def into_outline(node: Node, depth: int = 0) -> list[str]:
    mark = " (repeat)" if node.repeat else ""
    lines = ["  " * depth + node.title + mark]
    for child in node.next:
        lines += into_outline(child, depth + 1)
    return lines


def test_routes_into_a_role_go_backwards() -> None:
    assert into_outline(routes_into(GRAPH, "goal", depth=2)[0]) == [
        "Goal role",
        "  Left role",
        "    Start role",
        "  Right role",
        "    Start role",
        "  Team lead",
        "    Climber role",
    ]
    deep = into_outline(routes_into(GRAPH, "start", depth=3)[0])
    assert "      Start role (repeat)" in deep


def test_a_move_two_files_give_is_shown_once_with_the_roles_own_note(tmp_path: Path) -> None:
    # support's file nests "associate -> nurse" under its own step; associate's file says so too.
    def role(slug: str, progression: str) -> None:
        (tmp_path / f"{slug}.yaml").write_text(
            f"title: {slug.capitalize()}\narea: nursing\nsummary: A {slug}.\nsections: {{}}\n"
            f"entry_routes: [none-set]\n{progression}"
            "source: {url: 'https://www.healthcareers.nhs.uk/x', checked: 2026-11-25}\n",
            encoding="utf-8",
        )

    role("support", "progression:\n  - role: associate\n    next:\n      - role: nurse\n        note: from support\n")
    role("associate", "progression:\n  - role: nurse\n    note: its own\n")
    role("nurse", "")
    catalogue = Catalogue.open(role_dirs=[tmp_path], builtin_roles=False)
    tree, _ = routes_from(catalogue.find, catalogue.get("support"), depth=3)
    assert outline(tree) == ["Support", "  Associate", "    Nurse"]
    assert tree.next[0].next[0].note == "its own"
    routes = shortest_routes(Graph(catalogue.index().docs), "support", "nurse")
    assert [[s.slug for s in r] for r in routes] == [["support", "associate", "nurse"]]
    assert routes[0][2].note == "its own"
