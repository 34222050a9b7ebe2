#!/usr/bin/env python3
"""Instructions executed by `careers` commands, counted by valgrind (callgrind), as ratios to
`python -c "import rich.console"`: the same count on every run, whatever else the machine does.

    python bench/instructions.py                       # 350 synthetic roles
    python bench/instructions.py --sizes 350 10000 --against /tmp/old/venv/bin/careers

Wall time on a shared VM drifts by a third within an hour (bench.py shows it); an instruction
count does not, so a change of a few per cent can be seen. It is not time: a cache miss or a
system call costs more than its instructions, so read it beside bench.py, not instead of it.
Needs valgrind; each command runs warm (its caches built first), as bench.py times it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import compile_package

from bench import COMMANDS, write_roles

_TOTAL = re.compile(r"Collected : (\d+)")


def count(cmd: list[str], env: dict[str, str]) -> int:
    """Instructions the process executed, children not followed (the pager never runs: no tty)."""
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = _TOTAL.search(proc.stderr)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return int(found[1])


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[350])
    parser.add_argument("--against", metavar="CAREERS", help="another install's careers executable")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    careers = shutil.which("careers") or sys.exit("install the project first: `careers` is not on PATH")
    installs = {"this": careers, **({"other": args.against} if args.against else {})}
    print(f"{'roles':>6} {'command':<8} " + " ".join(f"{k + ' (x import)':>18}" for k in installs) + "  change")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            roles = Path(tmp) / "roles"
            roles.mkdir()
            write_roles(roles, n)
            envs = {
                k: {**os.environ, "CAREERS_DATA_DIR": str(roles), "CAREERS_CACHE_DIR": f"{tmp}/c-{k}"} for k in installs
            }
            base = count([sys.executable, "-c", "import rich.console"], envs["this"])
            for name, cmd_args in COMMANDS.items():
                got = {}
                for key, exe in installs.items():
                    subprocess.run([exe, *cmd_args], env=envs[key], capture_output=True, check=True)  # warm
                    got[key] = count([exe, *cmd_args], envs[key])
                cells = " ".join(f"{v / 1e6:>9.0f}M {v / base:>6.2f}x" for v in got.values())
                change = f"{(got['this'] / got['other'] - 1) * 100:+.1f}%" if "other" in got else ""
                print(f"{n:>6} {name:<8} {cells}  {change}", flush=True)
            print(f"{n:>6} {'import':<8} {base / 1e6:>9.0f}M", flush=True)


if __name__ == "__main__":
    main()
