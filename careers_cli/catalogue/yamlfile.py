"""Reading one YAML data file safely, and pointing at the line of a key path.

Never prints. Every failure is a Problem that names the file, and the line where there is one.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from careers_cli.errors import KeyPath, Problem

# Role files are a few KiB; refusing big files up front keeps a hostile file from costing memory.
MAX_FILE_BYTES = 256 * 1024

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _Refused(yaml.MarkedYAMLError):
    """A construct we refuse (duplicate key, alias); carries the mark like parser errors do."""

    def __init__(self, problem: str, mark: yaml.Mark | None) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader, plus: duplicate keys and anchors/aliases are errors.

    PyYAML keeps the last of two equal keys silently, which loses an editor's text. Aliases
    are refused because a few nested ones expand into billions of nodes ("billion laughs").
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise _Refused("anchors and aliases (& and *) are not allowed", node.start_mark)
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                message = f"duplicate key '{key}' (first on line {seen[key]}); keep one of them"
                raise _Refused(message, key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


def read_text(path: Path) -> str:
    """The file's text, or a Problem for a missing, huge, binary or non-UTF-8 file."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise ProblemError(Problem(path, f"cannot read file: {e.strerror or e}")) from e
    if len(raw) > MAX_FILE_BYTES:
        raise ProblemError(Problem(path, f"file is larger than {MAX_FILE_BYTES // 1024} KiB"))
    if b"\0" in raw:
        raise ProblemError(Problem(path, "binary file, expected UTF-8 YAML text"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ProblemError(Problem(path, "not UTF-8 text; save the file as UTF-8", line)) from e


class ProblemError(Exception):
    """Internal: carries one Problem out of the readers to files.py."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def parse(path: Path, text: str) -> Any:
    """The YAML document as plain Python data."""
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except _Refused as e:
        mark = e.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise ProblemError(Problem(path, e.problem or "refused", line, col)) from e
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        context = f" ({e.context})" if e.context else ""
        message = f"YAML syntax error: {e.problem or 'invalid YAML'}{context}; check quotes, brackets and indentation"
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise ProblemError(Problem(path, message, line, col)) from e
    except yaml.YAMLError as e:
        raise ProblemError(Problem(path, f"YAML syntax: {e}")) from e


def locate(text: str, keys: KeyPath, at_key: bool = False) -> tuple[int, int] | None:
    """Line and column (1-based) of the deepest node along `keys`; None if unparsable.

    Only called when there is a problem to report, so the second parse costs nothing on the
    happy path. A missing key points at its parent mapping.
    """
    try:
        node = yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    mark = node.start_mark
    for i, key in enumerate(keys):
        child = _child(node, key, at_key and i == len(keys) - 1)
        if child is None:
            break
        mark, node = child
    return mark.line + 1, mark.column + 1


def _child(node: yaml.Node, key: str | int, at_key: bool) -> tuple[yaml.Mark, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                # A scalar value is best shown where it stands; a block (or a bad key) at its key.
                is_scalar = isinstance(value_node, yaml.ScalarNode) and not at_key
                return (value_node if is_scalar else key_node).start_mark, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        item = node.value[key]
        return item.start_mark, item
    return None


def format_keys(keys: KeyPath) -> str:
    """`pay.bands[0]` from ["pay", "bands", 0]."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out
