"""Checking plain YAML data against the file shapes in shapes.py.

Types and shapes are checked by msgspec. This module only walks the top levels itself so that
one file reports every problem (each with its key path) rather than stopping at the first, and
so that unknown keys get a "did you mean".
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterator
from typing import Any, TypeVar

import msgspec

from careers_cli.catalogue.shapes import EntryRoute, StepKind
from careers_cli.errors import KeyPath
from careers_cli.suggest import closest, did_you_mean
from careers_cli.visible import one_line

T = TypeVar("T", bound=msgspec.Struct)

# msgspec says "Invalid enum value 'x'"; these say what would have been valid.
_CHOICES: dict[str, tuple[str, ...]] = {
    "entry_routes": typing.get_args(EntryRoute),
    "kind": typing.get_args(StepKind),
}
_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)
_NAMES = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "array": "a list",
    "object": "a mapping of keys",
    "null": "nothing",
    "str | null": "text",
    "str | object | array": "text, a list or a mapping with text and items",
    "str | object | array | null": "text, a list or a mapping with text and items",
    "str | int": "text or a number",
    "float | null": "a number",
    "int | null": "a whole number",
    "array | null": "a list",
    "object | null": "a mapping of keys",
}
# What a value of these keys should look like, in a person's words (msgspec would say the type).
_HINTS = {
    "hours_per_week": "a number of hours, such as 37.5",
    "bands": "a band such as 4 or 8a",
    "url": "a web address such as https://www.healthcareers.nhs.uk/explore-roles",
    "checked": "a date such as 2026-11-25 (year-month-day)",
    "applies_from": "a date such as 2026-04-01 (year-month-day)",
    "alternative_titles": "a list of titles, such as [Medical records clerk]",
    "plain_words": "a list of short phrases, such as [takes blood, blood tests]",
    "former_slugs": "a list of slugs, such as [medical-records-staff]",
    "related": "a list of role slugs, such as [medical-secretary]",
    "items": "a list of short lines",
    "subareas": "a mapping of subarea keys to their names",
}
_GOT = re.compile(r"Expected `[^`]*`, got `([^`]*)`")
_TYPE_NAMES = re.compile(r"`([^`]*)`")
_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def check(data: Any, shape: type[T]) -> tuple[T | None, list[tuple[KeyPath, str]]]:
    """The converted Struct, or None and every (key path, message) that is wrong."""
    try:
        return msgspec.convert(data, shape), []
    except msgspec.ValidationError as e:
        # The fast path stops at the first problem; walk the fields to report them all.
        return None, list(_walk(data, shape, [])) or [_from_msgspec(str(e), [])]


def _walk(data: Any, shape: type[msgspec.Struct], keys: list[str | int]) -> Iterator[tuple[KeyPath, str]]:
    if data is None and not keys:
        yield keys, f"the file is empty; expected keys such as {', '.join(list(_field_names(shape))[:3])}"
        return
    if not isinstance(data, dict):
        yield keys, f"expected a mapping of keys ({_kind(data)} found)"
        return
    fields = _fields(shape)
    for key in data:
        if key not in fields:
            yield [*keys, str(key)], _unknown(str(key), list(fields))
    for name, field in fields.items():
        if name not in data:
            if field.required:
                yield keys, f"missing required key '{name}'"
            continue
        yield from _walk_value(data[name], field.type, [*keys, name])


@functools.cache
def _fields(shape: type[msgspec.Struct]) -> dict[str, msgspec.structs.FieldInfo]:
    return {f.encode_name: f for f in msgspec.structs.fields(shape)}


def _field_names(shape: type[msgspec.Struct]) -> Iterator[str]:
    return (name for name, f in _fields(shape).items() if f.required)


def _walk_value(value: Any, tp: Any, keys: list[str | int]) -> Iterator[tuple[KeyPath, str]]:
    struct = _struct_of(tp)
    if struct is not None and isinstance(value, dict):
        yield from _walk(value, struct, keys)
        return
    listed = _list_of(tp)
    if listed is not None and isinstance(value, list):
        # Each item on its own, so a list with five wrong items reports five problems.
        item = listed
        for i, element in enumerate(value):
            yield from _walk_value(element, item, [*keys, i])
        return
    try:
        msgspec.convert(value, tp)
    except msgspec.ValidationError as e:
        yield _from_msgspec(str(e), keys)


def _list_of(tp: Any) -> Any:
    """The item type of `list[X]`, or of the one list in a union such as `str | list[str]`."""
    options = typing.get_args(tp) if isinstance(tp, types.UnionType) else (tp,)
    lists = [t for t in options if typing.get_origin(t) is list]
    return typing.get_args(lists[0])[0] if len(lists) == 1 else None


def _struct_of(tp: Any) -> type[msgspec.Struct] | None:
    """The Struct in `S` or `S | None`, if that is what tp is."""
    options = typing.get_args(tp) if isinstance(tp, types.UnionType) else (tp,)
    structs = [t for t in options if isinstance(t, type) and issubclass(t, msgspec.Struct)]
    others = [t for t in options if t is not type(None) and t not in structs]
    return structs[0] if len(structs) == 1 and not others else None


def _from_msgspec(text: str, keys: list[str | int]) -> tuple[KeyPath, str]:
    match = _AT.match(text)
    assert match is not None  # the pattern matches any string
    path = [*keys]
    for name, index in _PART.findall(match["path"] or ""):
        path.append(int(index) if index else name)
    message = match["msg"]
    bad_enum = re.match(r"Invalid enum value (.*)", message)
    field = next((k for k in reversed(path) if isinstance(k, str)), "")
    if bad_enum and field in _CHOICES:
        return path, f"expected one of {', '.join(_CHOICES[field])}, got {bad_enum[1]}"
    unknown = re.match(r"Object contains unknown field `(.*)`", message)
    if unknown:
        return [*path, unknown[1]], f"unknown key '{unknown[1]}'"
    got = _GOT.match(message)
    if got and field in _HINTS:
        return path, f"expected {_HINTS[field]}, got {_NAMES.get(got[1], got[1])}"
    if "date" in message:
        return path, "expected a date such as 2026-11-25 (year-month-day)"
    return path, _TYPE_NAMES.sub(lambda m: _NAMES.get(m[1], m[1]), message).replace("Expected", "expected")


def _unknown(key: str, allowed: list[str]) -> str:
    close = closest(key, allowed, limit=1)
    hint = did_you_mean(close, clause=True, quote=True) if close else f"expected one of {', '.join(allowed)}"
    return f"unknown key '{one_line(key, 60)}'; {hint}"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


# Stand-ins for required keys whose value is missing or wrong, so that the rest of a file can
# still be built and checked in the same run (problems at these keys are the shape's).
_STAND_INS: dict[str, Any] = {
    "title": "-",
    "summary": "-",
    "area": "",
    "sections": {},
    "entry_routes": [],
    "name": "-",
    "url": "https://example.invalid/",
    "checked": "2000-01-01",
}


def salvage(data: Any, shape: type[T], problems: list[tuple[KeyPath, str]]) -> tuple[T | None, list[KeyPath]]:
    """The file's shape without the values that failed, to check the rest; and the key paths
    taken out (or stood in for). None when even that does not convert."""
    if not isinstance(data, dict):
        return None, []
    import copy

    data = copy.deepcopy(data)
    taken: list[KeyPath] = []
    for _ in range(3):  # a stand-in can uncover the next problem down; a few rounds suffice
        for keys, message in problems:
            missing = re.match(r"missing required key '(.*)'", message)
            where = [*keys, missing[1]] if missing else list(keys)
            if where and _take_out(data, where):
                taken.append(where)
        data = _without_gone(data)
        try:
            return msgspec.convert(data, shape), taken
        except msgspec.ValidationError:
            problems = list(_walk(data, shape, []))
    return None, taken


_GONE = object()  # a list item taken out: removed once every problem's path has been followed


def _take_out(data: dict[str, Any], keys: KeyPath) -> bool:
    """Remove the value at `keys` (a required one gets its stand-in); False if it is not there."""
    parent: Any = data
    for key in keys[:-1]:
        try:
            parent = parent[key]
        except (KeyError, IndexError, TypeError):
            return False
    last = keys[-1]
    if isinstance(parent, dict) and isinstance(last, str):
        if last in _STAND_INS:
            parent[last] = _STAND_INS[last]
        else:
            parent.pop(last, None)
        return True
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        parent[last] = _GONE
        return True
    return False


def _without_gone(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_gone(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_gone(v) for v in value if v is not _GONE]
    return value
