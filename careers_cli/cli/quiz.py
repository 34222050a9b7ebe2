"""The questions of `careers match`, asked in a terminal: one key an answer, with progress,
back and skip, and quitting at any point keeps what was answered.

Questions and prompts go to stderr, so that the suggestions on stdout can be sent to a file.
The terminal is put in cbreak mode (one key at a time, Ctrl-C still works) while the
questions are asked, and always put back as it was, whatever happens.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from careers_cli.interests import LIKES
from careers_cli.models import InterestItem

KEYS = "1 dislike a lot · 2 dislike · 3 not sure · 4 like · 5 like a lot · s skip · b back · q finish"


def ask(items: Sequence[InterestItem], read_key: Callable[[], str], out: TextIO) -> list[int]:
    """The answers, one per question (0 for skipped or not reached)."""
    answers = [0] * len(items)
    out.write(f"How much would you like doing each of these? Press one key for each.\n{KEYS}\n")
    at = 0
    while at < len(items):
        mark = f" (now: {LIKES[answers[at]]})" if answers[at] else ""
        out.write(f"\n[{at + 1}/{len(items)}] {items[at].text}{mark}\n> ")
        out.flush()
        key = read_key()
        if key in "12345" and key:
            answers[at] = int(key)
            out.write(f"{LIKES[answers[at]]}\n")
            at += 1
        elif key in ("s", "0", " ", "\r", "\n"):
            out.write("skipped\n")
            at += 1
        elif key == "b":
            out.write("back\n")
            at = max(0, at - 1)
        elif key in ("q", "\x04", ""):  # q, Ctrl-D, or the end of the input
            out.write("finished\n")
            break
        else:
            out.write(f"(press a key: {KEYS})\n")
    out.flush()
    return answers


@contextmanager
def one_key_at_a_time(fd: int) -> Iterator[Callable[[], str]]:
    """The terminal `fd` in cbreak mode (keys as typed, Ctrl-C still works) for the block, and
    put back as it was however the block ends; yields a function reading one key."""
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        # One byte at a time: keys typed ahead wait for the next question, none is lost.
        yield lambda: os.read(fd, 1).decode("utf-8", "replace").lower()
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def line_key(stream: TextIO) -> Callable[[], str]:
    """Where keys cannot be read one at a time (no termios): one answer a line."""

    def read() -> str:
        line = stream.readline()
        return line.strip()[:1].lower() if line else ""

    return read


def interactive_answers(items: Sequence[InterestItem]) -> list[int]:
    try:
        keys = one_key_at_a_time(sys.stdin.fileno())
    except ImportError:  # Windows: no termios
        return ask(items, line_key(sys.stdin), sys.stderr)
    with keys as read:
        return ask(items, read, sys.stderr)
