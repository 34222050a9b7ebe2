"""The shape of the package: no import cycles, type-only imports included (the layers
themselves are import-linter's contracts in pyproject.toml, run by .ci/run)."""

from __future__ import annotations

import grimp


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = grimp.build_graph("careers_cli")
    cycles = [
        (a, b)
        for a in sorted(graph.modules)
        for b in sorted(graph.find_modules_directly_imported_by(a))
        if graph.chain_exists(importer=b, imported=a)
    ]
    assert cycles == []
