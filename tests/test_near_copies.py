"""tools/near_copies.py: short sentences and list items that keep a source's wording are found;
the same facts in other words are not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
TOOL = ROOT / "tools" / "near_copies.py"

ROLE = """title: Alpha clerk
summary: Alpha clerks keep records. They answer the phone.
sections:
  skills:
    - confidence with information technology and computers
    - a calm way with upset callers on the phone
  working_life:
    text: Most of the day goes on finding, filing and updating the notes each clinic needs.
    items: [wards of every kind in a hospital]
"""
SOURCE = """https://example.org/alpha
"You will need confidence with computers and information technology."
"You could work in: wards of all kinds in a hospital / outpatient clinics"
"Clerks file notes."
"""


def run(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    (tmp_path / "roles").mkdir()
    (tmp_path / "excerpts").mkdir()
    (tmp_path / "roles" / "alpha-clerk.yaml").write_text(ROLE, encoding="utf-8")
    (tmp_path / "excerpts" / "alpha-clerk.txt").write_text(SOURCE, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(TOOL), str(tmp_path / "excerpts"), str(tmp_path / "roles" / "alpha-clerk.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )


def test_near_copies_are_found_and_own_words_pass(tmp_path: Path) -> None:
    proc = run(tmp_path)
    assert proc.returncode == 1
    found = [line.split(": near-copy ", 1)[1] for line in proc.stdout.splitlines()]
    assert found == [
        "(1.00): 'confidence with information technology and computers' <- "
        "'You will need confidence with computers and information technology.'",
        "(0.75): 'wards of every kind in a hospital' <- 'wards of all kinds in a hospital'",
    ]


def test_a_file_in_own_words_passes(tmp_path: Path) -> None:
    global ROLE
    saved = ROLE
    ROLE = ROLE.replace("    - confidence with information technology and computers\n", "").replace(
        "items: [wards of every kind in a hospital]", "items: [any hospital ward]"
    )
    try:
        proc = run(tmp_path)
    finally:
        ROLE = saved
    assert (proc.returncode, proc.stdout) == (0, "")
