"""Reading one YAML data file safely, and pointing at the line of a key path.

Never prints. Every failure is a Problem that names the file, and the line where there is one.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from careers_cli.catalogue.folders import read_regular
from careers_cli.errors import KeyPath, Problem
from careers_cli.visible import one_line

# Role files are a few KiB; refusing big files up front keeps a hostile file from costing memory.
MAX_FILE_BYTES = 256 * 1024

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _Refused(yaml.MarkedYAMLError):
    """A construct we refuse (duplicate key, alias); carries the mark like parser errors do."""

    def __init__(self, problem: str, mark: yaml.Mark | None, keys: bool = True) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.keys = keys  # whether the key path of the node at the mark says where it is


_MERGE = "tag:yaml.org,2002:merge"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Sets, ordered maps, pairs and bytes have no place in a role file (a set even loses the order
# of a list); lists, mappings and plain values are all it needs.
_REFUSED_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("set", "omap", "pairs", "binary"))


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader, plus: duplicate keys, anchors/aliases, merge keys and keys that are not
    plain text are errors, and so is a value its tag cannot be built from, at its line.

    PyYAML keeps the last of two equal keys silently, which loses an editor's text. Aliases
    are refused because a few nested ones expand into billions of nodes ("billion laughs"), and
    merge keys (`<<:`) because they hide where a value comes from.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node.tag in _REFUSED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(f"the tag {tag} is not allowed in a role file; remove it", node.start_mark)
        if node in self.constructed_objects:
            # No key path: an alias makes one node stand in several places.
            raise _Refused("anchors and aliases (& and *) are not allowed", node.start_mark, keys=False)
        try:
            return super().construct_object(node, deep)
        except yaml.MarkedYAMLError:
            raise
        except (ValueError, TypeError, AttributeError, OverflowError, KeyError, IndexError) as e:
            # PyYAML builds dates and tagged values with plain Python calls, which raise plain
            # errors: '2026-11-31' is a ValueError, '!!int abc' too, '!!timestamp x' an AttributeError,
            # '!!int ""' an IndexError.
            raise _Refused(_unbuildable(node), node.start_mark) from e

    def construct_document(self, node: yaml.Node) -> Any:
        # Sets, ordered maps and pairs are built after their nodes, outside construct_object.
        try:
            return super().construct_document(node)
        except yaml.MarkedYAMLError:
            raise
        except (ValueError, TypeError, AttributeError, OverflowError, KeyError, IndexError) as e:
            raise _Refused(
                "a value here cannot be read; remove its tag (such as !!set) or correct it", node.start_mark, keys=False
            ) from e

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise _Refused(f"{node.tag.replace('tag:yaml.org,2002:', '!!')} needs a mapping here", node.start_mark)
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                raise _Refused("merge keys (<<) are not allowed; write the keys out", key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused("a key must be plain text, not a list or a mapping", key_node.start_mark)
            key = key_node.value
            if key in seen:
                message = f"duplicate key '{one_line(key, 60)}' (first on line {seen[key]}); keep one of them"
                raise _Refused(message, key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        # Keys as written: `yes:` is the key 'yes', `~:` the key '~', never True or None.
        return {key_node.value: self.construct_object(value, deep=deep) for key_node, value in node.value}


# PyYAML's patterns for numbers, less the base-60 forms (YAML 1.1 reads `37:30` as 2250).
_NUMBERS = {
    "tag:yaml.org,2002:int": re.compile(
        r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"
    ),
    "tag:yaml.org,2002:float": re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
}


def _without_base_60(resolvers: dict[Any, list[tuple[str, Any]]]) -> dict[Any, list[tuple[str, Any]]]:
    """The implicit resolvers with numbers that mean what a person wrote: `37:30` stays text."""
    return {
        first: [(tag, _NUMBERS.get(tag, regexp)) for tag, regexp in entries] for first, entries in resolvers.items()
    }


_StrictLoader.yaml_implicit_resolvers = _without_base_60(_StrictLoader.yaml_implicit_resolvers)


def _unbuildable(node: yaml.Node) -> str:
    value = str(node.value)[:40] if isinstance(node, yaml.ScalarNode) else ""
    if node.tag == _TIMESTAMP:
        return f"'{value}' is not a real date; write one such as 2026-11-25 (year-month-day)"
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return f"'{value}' cannot be read as {tag}; remove the tag or correct the value"


def read_text(path: Path) -> str:
    """The file's text, or a Problem for a missing, huge, binary or non-UTF-8 file."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
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
        data = yaml.load(text, Loader=_StrictLoader)
    except _Refused as e:
        raise ProblemError(_marked(path, text, e.problem or "refused", e.problem_mark, e.keys)) from e
    except yaml.constructor.ConstructorError as e:
        tag = _tag_in(e.problem or "")
        message = f"the tag {tag} is not allowed in a role file; remove it" if tag else f"YAML: {e.problem}"
        raise ProblemError(_marked(path, text, message, e.problem_mark)) from e
    except yaml.composer.ComposerError as e:
        message = "more than one document (a second ---); a role file holds one"
        if "single document" not in (e.context or ""):
            message = f"YAML syntax error: {e.problem}; check quotes, brackets and indentation"
        raise ProblemError(_marked(path, text, message, e.problem_mark, keys=False)) from e
    except yaml.MarkedYAMLError as e:
        context = f" ({e.context})" if e.context else ""
        message = f"YAML syntax error: {e.problem or 'invalid YAML'}{context}; check quotes, brackets and indentation"
        raise ProblemError(_marked(path, text, message, e.problem_mark or e.context_mark, keys=False)) from e
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, anywhere in the file
        at = text[: e.position].count("\n") + 1
        message = f"a control character (#x{e.character:04x}) YAML does not allow; remove it or write it as an escape"
        raise ProblemError(Problem(path, message, at)) from e
    except yaml.YAMLError as e:
        raise ProblemError(Problem(path, f"YAML syntax: {e}")) from e
    deep = _too_deep(data)
    if deep is not None:
        where = locate(text, deep)
        line, col = where if where else (None, None)
        message = f"nested more than {MAX_DEPTH} levels deep; a role file is a few levels of keys and lists"
        raise ProblemError(Problem(path, message, line, col, format_keys(deep)))
    return data


# Role files are a few levels deep (progression steps nest a handful of moves); anything far
# deeper is a mistake or an attack, and would make every later walk of the data recursive work.
MAX_DEPTH = 24


def _too_deep(data: Any) -> list[str | int] | None:
    """The key path of the first value nested deeper than MAX_DEPTH, or None (no recursion)."""
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, keys = stack.pop()
        if len(keys) > MAX_DEPTH:
            return keys
        if isinstance(value, dict):
            stack += [(v, [*keys, str(k)]) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(v, [*keys, i]) for i, v in enumerate(value)]
    return None


def _tag_in(problem: str) -> str:
    found = re.search(r"tag '([^']*)'", problem)
    return found[1].replace("tag:yaml.org,2002:", "!!") if found else ""


def _marked(path: Path, text: str, message: str, mark: yaml.Mark | None, keys: bool = True) -> Problem:
    """A Problem at a mark, with the key path of the node there when the text still composes."""
    if mark is None:
        return Problem(path, message)
    found = key_path_at(text, mark.line, mark.column) if keys else None
    return Problem(path, message, mark.line + 1, mark.column + 1, format_keys(found or []))


def key_path_at(text: str, line: int, column: int) -> list[str | int] | None:
    """The key path of the node that starts at (line, column), 0-based; None if not found."""
    try:
        root = yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None
    stack: list[tuple[yaml.Node, list[str | int]]] = [(root, [])] if root is not None else []
    while stack:
        node, keys = stack.pop()
        if (node.start_mark.line, node.start_mark.column) == (line, column):
            return keys
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                plain = isinstance(key_node, yaml.ScalarNode)
                name = key_node.value if plain else ""
                if (key_node.start_mark.line, key_node.start_mark.column) == (line, column):
                    return [*keys, name] if plain else keys
                stack.append((value, [*keys, name]))
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, [*keys, i]) for i, item in enumerate(node.value)]
    return None


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
