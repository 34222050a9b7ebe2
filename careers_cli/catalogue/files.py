"""Reading one data file into its checked shape, with every problem placed at its line. Never prints.

yamlfile (and so PyYAML) and check are imported on first use: a run served by the caches never
needs them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from careers_cli.catalogue import shapes
from careers_cli.errors import DataError, KeyPath, Problem

T = TypeVar("T", bound=msgspec.Struct)


class DataFiles(msgspec.Struct, frozen=True):
    """areas.yaml, the pay scales and the synonyms, checked (and cached as one record)."""

    areas: shapes.AreasFile
    scales: dict[str, shapes.PayScaleFile]
    synonyms: shapes.SynonymsFile

    @classmethod
    def read(cls, data: Path) -> DataFiles:
        areas = read_checked(data / "areas.yaml", shapes.AreasFile, wrap="areas")
        scales = {p.stem: read_checked(p, shapes.PayScaleFile) for p in sorted((data / "pay").glob("*.yaml"))}
        # Checked here, when the files are read: a run served from the data cache skips it.
        problems = [
            problem_at(data / "pay" / f"{key}.yaml", keys, message)
            for key, f in scales.items()
            for keys, message in pay_problems(f)
        ]
        if problems:
            raise DataError(problems)
        return cls(areas, scales, read_checked(data / "synonyms.yaml", shapes.SynonymsFile))


def pay_problems(f: shapes.PayScaleFile) -> Iterator[tuple[KeyPath, str]]:
    """What is wrong with a pay file: its years must be real pay years, newest first, each with
    a source and bands whose lowest pay is not above their highest."""
    if not f.years:
        yield ["years"], "expected at least one pay year"
    later: shapes.PayYearFile | None = None
    for i, y in enumerate(f.years):
        start = y.applies_from.year
        if y.year != f"{start}/{(start + 1) % 100:02d}":
            yield ["years", i, "year"], f"expected {start}/{(start + 1) % 100:02d} (from applies_from), got '{y.year}'"
        if later is not None and y.applies_from >= later.applies_from:
            yield ["years", i, "applies_from"], "pay years go newest first: this one is not older than the one above"
        if not y.sources:
            yield ["years", i, "sources"], "expected at least one source: the pages the figures come from"
        for band, b in y.bands.items():
            if b.min > b.max:
                yield ["years", i, "bands", band], f"the lowest pay (£{b.min:,}) is above the highest (£{b.max:,})"
        later = y


def data_file_paths(data: Path) -> list[Path]:
    """The data files DataFiles.read reads, in a fixed order (the caches' keys use them)."""
    return [data / "areas.yaml", data / "synonyms.yaml", *sorted((data / "pay").glob("*.yaml"))]


def read_checked(path: Path, shape: type[T], wrap: str = "") -> T:
    from careers_cli.catalogue import check  # only when a file is read, not from the cache

    data = read_yaml(path)
    parsed, problems = check.check({wrap: data} if wrap else data, shape)
    if parsed is None:
        raise DataError([problem_at(path, keys[1:] if wrap else keys, msg) for keys, msg in problems])
    return parsed


class ShapeError(DataError):
    """A role file whose shape is wrong, with what could be kept of it (`partial`: the file
    without the values that failed) so the rest can still be checked in the same run."""

    def __init__(self, problems: list[Problem], partial: shapes.RoleFile | None) -> None:
        super().__init__(problems)
        self.partial = partial


def read_role_file(path: Path) -> shapes.RoleFile:
    """One role file, shape-checked; ShapeError listing every problem of shape in the file."""
    from careers_cli.catalogue import check

    text = read_text(path)
    data = parse(path, text)
    parsed, shape_problems = check.check(data, shapes.RoleFile)
    if parsed is None:
        partial, _ = check.salvage(data, shapes.RoleFile, shape_problems)
        raise ShapeError([problem_at(path, keys, msg, text=text) for keys, msg in shape_problems], partial)
    return parsed


def read_text(path: Path) -> str:
    from careers_cli.catalogue import yamlfile

    try:
        return yamlfile.read_text(path)
    except yamlfile.ProblemError as e:
        raise DataError([e.problem]) from None


def parse(path: Path, text: str) -> Any:
    from careers_cli.catalogue import yamlfile

    try:
        return yamlfile.parse(path, text)
    except yamlfile.ProblemError as e:
        raise DataError([e.problem]) from None


def read_yaml(path: Path) -> Any:
    """A data file's plain content (DataError if it cannot be read)."""
    return parse(path, read_text(path))


def problem_at(path: Path, keys: KeyPath, message: str, text: str | None = None) -> Problem:
    """A Problem with the line and column of `keys` in the file, when the file still parses."""
    from careers_cli.catalogue import yamlfile

    if text is None:
        try:
            text = yamlfile.read_text(path)
        except yamlfile.ProblemError:
            text = ""
    where = yamlfile.locate(text, keys, at_key=message.startswith("unknown key")) if text else None
    line, col = where if where else (None, None)
    return Problem(path, message, line, col, yamlfile.format_keys(keys))
