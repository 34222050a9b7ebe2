#!/usr/bin/env python3
"""Start-up cost of the command-line layer, side by side: the same one-panel program written
with argparse, click and Typer, next to `import rich.console` and to `careers` itself.

    python bench/startup.py [--runs 15]

Prints the median wall time of each as a whole process and its ratio to the import.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import time

from common import compile_package

PANEL = "from rich.console import Console\nfrom rich.panel import Panel\n"
PROGRAMS = {
    "import rich.console": "import rich.console",
    "argparse + panel": PANEL + "import argparse\np = argparse.ArgumentParser()\np.add_argument('slug')\n"
    "Console().print(Panel(p.parse_args().slug))",
    "click + panel": PANEL + "import click\n@click.command()\n@click.argument('slug')\n"
    "def main(slug):\n    Console().print(Panel(slug))\nmain()",
    "typer + panel": PANEL + "import typer\napp = typer.Typer(add_completion=False)\n@app.command()\n"
    "def main(slug: str) -> None:\n    Console().print(Panel(slug))\napp()",
}


def median_ms(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    compile_package()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    runs = max(5, parser.parse_args().runs)
    # click itself is no longer installed with Typer 0.26+; its row is shown only where it is.
    have_click = importlib.util.find_spec("click") is not None
    commands = {
        name: [sys.executable, "-c", code, "x"]
        for name, code in PROGRAMS.items()
        if have_click or not name.startswith("click")
    }
    careers = shutil.which("careers")
    if careers:
        commands["careers show (built-in)"] = [careers, "show", "health-records-staff"]
        commands["careers search (built-in)"] = [careers, "search", "records"]
    base = median_ms(commands["import rich.console"], runs)
    print(f"{'program':<28} {'median ms':>10} {'ratio':>6}")
    for name, cmd in commands.items():
        ms = base if name == "import rich.console" else median_ms(cmd, runs)
        print(f"{name:<28} {ms:>10.0f} {ms / base:>6.2f}")


if __name__ == "__main__":
    main()
