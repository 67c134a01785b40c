#!/usr/bin/env python3
"""Opens one register's assets in the Custos window and in DB Browser for SQLite, side by side
under Xvfb, and measures what a person waits for:

- first rows: from starting the program to the first row of assets on screen;
- search: from typing "payroll" (Custos's search box, DB Browser's filter on the name column) to
  the first matching rows on screen, in the table's first order;
- sort by name: from clicking the Name header to the first rows in name order on screen, and the
  same search typed after it;
- peak memory (VmHWM) after going to the last row (Ctrl+End in the table).

"On screen" is watched by grabbing the first row's pixels every few tens of milliseconds: the time
is the first grab that already shows what the row finally shows. Both programs start with empty
settings and open the file read-only. Usage:

    tests/benchmarks/window_vs_dbbrowser.py REGISTER [RUNS] [CUSTOS_BINARY]
"""

import contextlib
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time

DISPLAY = ":97"

# Screen positions in each program's default window, on a 1600x900 screen.
CUSTOS = {
    "first_row": "330x14+182+106",
    "cell": (300, 113),
    "name_header": (397, 95),
    "search": (490, 38),
}
DBBROWSER = {
    "first_row": "320x14+125+194",
    "cell": (300, 201),
    "name_header": (355, 150),
    "search": (345, 174),
}


def grab(geometry):
    """The region's pixels, as a hash, and whether it shows a line of text: some dark pixels on a
    light ground (an empty row is all light; the screen before a window maps is all black)."""
    pixels = subprocess.run(
        ["import", "-window", "root", "-crop", geometry, "-depth", "8", "gray:-"], capture_output=True, check=True
    ).stdout
    dark = sum(1 for value in pixels if value < 100) / max(len(pixels), 1)
    return hashlib.md5(pixels).hexdigest(), 0.02 < dark < 0.6


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True)


def settled_after(geometry, start, timeout, baseline=None, settle=1.5):
    """Seconds from `start` until the region first showed text it then kept for `settle` seconds
    (and that differs from `baseline`, the picture before the action)."""
    frames = []
    while time.monotonic() - start < timeout:
        picture, has_text = grab(geometry)
        frames.append((time.monotonic() - start, picture))
        if not has_text or picture == baseline:
            continue
        first = len(frames) - 1
        while first > 0 and frames[first - 1][1] == picture:
            first -= 1
        if frames[-1][0] - frames[first][0] >= settle:
            return frames[first][0]
    raise RuntimeError(f"the rows in {geometry} did not settle within {timeout} s")


def peak_memory_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def launch(command, home):
    env = dict(os.environ, DISPLAY=DISPLAY, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"))
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@contextlib.contextmanager
def started(command, places, dismiss_busy_prompt):
    """Starts the program with empty settings; yields it and the seconds until its first rows
    showed, and stops it afterwards."""
    with tempfile.TemporaryDirectory() as home:
        start = time.monotonic()
        process = launch(command, home)
        try:
            first_rows = settled_after(places["first_row"], start, 60)
            if dismiss_busy_prompt:
                # DB Browser asks whether to abort its row count when its cell editor reads too;
                # "No" lets it finish, as a person would.
                time.sleep(3)
                xdotool("key", "Escape")
                time.sleep(1)
            yield process, first_rows
        finally:
            process.kill()
            process.wait()


def timed_click_or_typing(places, where, text=None):
    """Seconds from a click on `where` (and typing `text`) to the new first rows on screen."""
    before, _ = grab(places["first_row"])
    xdotool("mousemove", *map(str, places[where]), "click", "1")
    if text:
        xdotool("type", "--delay", "0", text)
    return settled_after(places["first_row"], time.monotonic(), 60, baseline=before)


def measure(name, command, places, dismiss_busy_prompt):
    """One run, in three launches so that each step starts from a freshly opened table."""
    result = {}
    with started(command, places, dismiss_busy_prompt) as (_, result["first rows"]):
        result["search"] = timed_click_or_typing(places, "search", "payroll")
    with started(command, places, dismiss_busy_prompt):
        result["sort by name"] = timed_click_or_typing(places, "name_header")
        result["search, sorted by name"] = timed_click_or_typing(places, "search", "payroll")
    with started(command, places, dismiss_busy_prompt) as (process, _):
        xdotool("mousemove", *map(str, places["cell"]), "click", "1")
        xdotool("key", "ctrl+End")
        time.sleep(12)
        result["peak memory after the last row (MB)"] = peak_memory_mb(process.pid)
    print(f"  {name}: " + ", ".join(f"{k} {v:.2f}" for k, v in result.items()), flush=True)
    return result


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    register = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    custos = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "build/app/custos")
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x900x24"], stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = DISPLAY
    time.sleep(1)
    try:
        programs = [
            ("Custos", [custos, "--read-only", register], CUSTOS, False),
            ("DB Browser for SQLite", ["sqlitebrowser", "-R", "-t", "assets", register], DBBROWSER, True),
        ]
        results = {name: [] for name, *_ in programs}
        for run in range(runs):
            print(f"run {run + 1} of {runs}", flush=True)
            for name, command, places, busy in programs:
                results[name].append(measure(name, command, places, busy))
    finally:
        xvfb.kill()

    steps = list(results["Custos"][0].keys())
    print(f"\nMedian of {runs} runs on {os.path.basename(register)}:\n")
    print("| step | Custos | DB Browser for SQLite | ratio |")
    print("| --- | --- | --- | --- |")
    for step in steps:
        ours = statistics.median(r[step] for r in results["Custos"])
        theirs = statistics.median(r[step] for r in results["DB Browser for SQLite"])
        unit = "" if "MB" in step else " s"
        print(f"| {step} | {ours:.2f}{unit} | {theirs:.2f}{unit} | {ours / theirs:.2f} |")


if __name__ == "__main__":
    main()
