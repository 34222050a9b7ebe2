#!/usr/bin/env python3
"""Time `careers` as whole processes against synthetic catalogues of real-format role files.

    python bench/bench.py                 # 350, 2,000 and 10,000 roles, 7 runs each
    python bench/bench.py --sizes 350 --runs 5
    python bench/bench.py --against /tmp/old/venv/bin/careers   # before and after, interleaved

Each size writes N roles into a temporary folder (pointed at with CAREERS_DATA_DIR) and times
`show`, `search`, `path` and `list` next to `python -c "import rich.console"` in the same run,
then prints the median wall time and its ratio to that import, the median CPU time (user +
system) and its ratio, and the peak memory (max RSS). On a shared machine the wall time drifts;
the CPU time much less. With --against, another install (say, a checkout of main before a
change) is timed in the same rounds, command by command, and the change is printed.
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


COMMANDS = {
    "show": ["show", "role-00001"],
    "search": ["search", "cardiac technician"],
    "path": ["path", "role-00001"],
    "list": ["list"],
    "route": ["path", "role-00001", "--to", "role-00002"],
    "compare": ["compare", "role-00001", "role-00002", "role-00003"],
}
Sample = tuple[float, int, float]


def run(sizes: list[int], runs: int, against: str | None = None) -> None:
    """Time this install's `careers` (and, with `against`, another install's in the same rounds)."""
    careers = shutil.which("careers") or sys.exit("install the project first: `careers` is not on PATH")
    installs = {"this": careers, **({"other": against} if against else {})}
    baseline = [sys.executable, "-c", "import rich.console"]
    if against:
        print(f"{'roles':>6} {'command':<8} {'other':>6} {'this':>6} {'change':>7} {'cpu other':>9} {'cpu this':>8}")
    else:
        print(
            f"{'roles':>6} {'command':<8} {'median ms':>10} {'ratio':>6} {'cpu ms':>7} {'cpu ratio':>9} {'peak MiB':>9}"
        )
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            roles = Path(tmp) / "roles"
            roles.mkdir()
            write_roles(roles, n)
            # Each install keeps its own caches: two installs sharing one would rebuild in turn.
            envs = {
                k: {**os.environ, "CAREERS_DATA_DIR": str(roles), "CAREERS_CACHE_DIR": f"{tmp}/cache-{k}"}
                for k in installs
            }
            for key, exe in installs.items():
                for args in COMMANDS.values():
                    measure([exe, *args], envs[key])  # warm the file cache and build the caches
            # Rounds, each timing the baseline and then every command once (of each install in
            # turn): on a machine whose speed drifts (a shared VM), each ratio compares runs
            # made close together.
            samples: dict[tuple[str, str], list[Sample]] = {}
            for _ in range(runs):
                samples.setdefault(("", "import"), []).append(measure(baseline, envs["this"]))
                for name, args in COMMANDS.items():
                    for key, exe in installs.items():
                        samples.setdefault((key, name), []).append(measure([exe, *args], envs[key]))
            report(n, samples, against is not None)


def report(n: int, samples: dict[tuple[str, str], list[Sample]], compared: bool) -> None:
    base = statistics.median(s[0] for s in samples["", "import"])
    base_cpu = statistics.median(s[2] for s in samples["", "import"])

    def ratios(key: str, name: str) -> tuple[float, float]:
        got = samples[key, name]
        return statistics.median(s[0] for s in got) / base, statistics.median(s[2] for s in got) / base_cpu

    if not compared:
        print(f"{n:>6} {'import':<8} {base * 1000:>10.0f} {1:>6.2f} {base_cpu * 1000:>7.0f} {1:>9.2f} {'':>9}")
    for name in COMMANDS:
        wall, cpu = ratios("this", name)
        if compared:
            old, old_cpu = ratios("other", name)
            change = f"{(wall / old - 1) * 100:+.1f}%"
            print(f"{n:>6} {name:<8} {old:>6.2f} {wall:>6.2f} {change:>7} {old_cpu:>9.2f} {cpu:>8.2f}")
        else:
            got = samples["this", name]
            ms = statistics.median(s[0] for s in got) * 1000
            peak = max(s[1] for s in got) / 1024
            print(f"{n:>6} {name:<8} {ms:>10.0f} {wall:>6.2f} {cpu * base_cpu * 1000:>7.0f} {cpu:>9.2f} {peak:>9.1f}")


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[350, 2000, 10000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--against", metavar="CAREERS", help="another install's careers executable, timed in the same rounds"
    )
    args = parser.parse_args()
    run(args.sizes, max(5, args.runs), args.against)


if __name__ == "__main__":
    main()
