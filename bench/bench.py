#!/usr/bin/env python3
"""Time `careers` as whole processes against synthetic catalogues of real-format role files.

    python bench/bench.py                 # 350, 2,000 and 10,000 roles, 7 runs each
    python bench/bench.py --sizes 350 --runs 5

Each size writes N roles into a temporary folder (pointed at with CAREERS_DATA_DIR) and times
`show`, `search`, `path` and `list` next to `python -c "import rich.console"` in the same run,
then prints the median wall time and its ratio to that import, the median CPU time (user +
system) and its ratio, and the peak memory (max RSS). On a shared machine the wall time drifts;
the CPU time much less.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_package

WORDS = (
    "care clinical records patient theatre laboratory community mental health support dental "
    "pharmacy radiography imaging estates finance digital data nursing therapy ambulance "
    "emergency surgical renal cardiac respiratory audiology genomics sterile services catering"
).split()
JOBS = "assistant technician practitioner officer coordinator specialist manager scientist worker clerk".split()
AREAS = [
    ("wider-healthcare-team", "administration"),
    ("allied-health-professionals", None),
    ("healthcare-science", "life-sciences"),
    ("nursing", None),
    ("management", "general-management"),
]
BANDS = ["2", "3", "4", "5", "6", "7", "8a", "8b"]


def role_yaml(i: int, n: int, rng: random.Random) -> str:
    title = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.choice(JOBS)} {i}"
    area, subarea = AREAS[i % len(AREAS)]
    band = rng.randrange(len(BANDS) - 1)
    text = " ".join(rng.choice(WORDS) for _ in range(120))
    nxt = [f"role-{(i + rng.randrange(1, n)) % n:05d}" for _ in range(2)]  # never the role itself
    lines = [
        f"title: {title}",
        f"alternative_titles: [{rng.choice(WORDS).capitalize()} {rng.choice(JOBS)}]",
        f"area: {area}",
        *([f"subarea: {subarea}"] if subarea else []),
        f"summary: {text[:200]}",
        "sections:",
        f"  working_life: {text}",
        f"  skills: [{', '.join(rng.sample(WORDS, 4))}]",
        f"  entry_requirements:\n    text: {text[:300]}\n    items: [GCSEs, an apprenticeship]",
        "pay:",
        "  scale: agenda-for-change",
        f'  bands: ["{BANDS[band]}", "{BANDS[band + 1]}"]',
        "  hours_per_week: 37.5",
        "entry_routes: [gcse, apprenticeship]",
        "progression:",
        "  - title: Team leader",
        "    kind: up",
        "    note: with experience",
        f"    next:\n      - role: {nxt[0]}\n        kind: up",
        f"  - role: {nxt[1]}\n    kind: sideways",
        f"related: [{nxt[0]}]",
        "source:",
        f"  url: https://www.healthcareers.nhs.uk/explore-roles/role-{i:05d}",
        "  checked: 2026-11-25",
    ]
    return "\n".join(lines) + "\n"


def write_roles(folder: Path, n: int) -> None:
    rng = random.Random(n)
    for i in range(n):
        (folder / f"role-{i:05d}.yaml").write_text(role_yaml(i, n, rng), encoding="utf-8")


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def run(sizes: list[int], runs: int) -> None:
    careers = shutil.which("careers") or sys.exit("install the project first: `careers` is not on PATH")
    baseline = [sys.executable, "-c", "import rich.console"]
    commands = {
        "show": [careers, "show", "role-00001"],
        "search": [careers, "search", "cardiac technician"],
        "path": [careers, "path", "role-00001"],
        "list": [careers, "list"],
        "route": [careers, "path", "role-00001", "--to", "role-00002"],
        "compare": [careers, "compare", "role-00001", "role-00002", "role-00003"],
    }
    print(f"{'roles':>6} {'command':<8} {'median ms':>10} {'ratio':>6} {'cpu ms':>7} {'cpu ratio':>9} {'peak MiB':>9}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            write_roles(Path(tmp), n)
            env = {**os.environ, "CAREERS_DATA_DIR": tmp}
            for cmd in commands.values():
                measure(cmd, env)  # warm the file cache and build the caches
            # Rounds, each timing the baseline and then every command once: on a machine whose
            # speed drifts (a shared VM), each ratio compares runs made close together.
            samples: dict[str, list[tuple[float, int, float]]] = {name: [] for name in ["import", *commands]}
            for _ in range(runs):
                samples["import"].append(measure(baseline, env))
                for name, cmd in commands.items():
                    samples[name].append(measure(cmd, env))
            base = statistics.median(s[0] for s in samples["import"])
            base_cpu = statistics.median(s[2] for s in samples["import"])
            for name, got in samples.items():
                wall = statistics.median(s[0] for s in got)
                cpu = statistics.median(s[2] for s in got)
                peak = "" if name == "import" else f"{max(s[1] for s in got) / 1024:.1f}"
                print(
                    f"{n:>6} {name:<8} {wall * 1000:>10.0f} {wall / base:>6.2f} "
                    f"{cpu * 1000:>7.0f} {cpu / base_cpu:>9.2f} {peak:>9}"
                )


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[350, 2000, 10000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    run(args.sizes, max(5, args.runs))


if __name__ == "__main__":
    main()
