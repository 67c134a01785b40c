#!/usr/bin/env python3
"""What following other writers costs the window on a register, under Xvfb:

- CPU while idle: the window open on the Assets page, its dashboard finished, nobody writing;
  clock ticks (utime + stime) over 20 seconds;
- another process's commit to the table showing it: `custos-cli import` renames the first asset;
  the time from the import's exit (its commit is done) to the first table row on screen showing the
  new name, by grabbing the row's pixels every few tens of milliseconds.

    tests/benchmarks/window_follows.py REGISTER [RUNS] [BUILD_DIR]

The register must be writable; each run renames its first asset (by reference) and the last run
puts the first name back. Needs xvfb, xdotool, imagemagick and sqlite3.
"""

import hashlib
import os
import subprocess
import sys
import tempfile
import time

DISPLAY = ":94"
FIRST_ROW = "360x14+182+108"  # reference and name of the table's first row, 1600x900 screen


def grab():
    pixels = subprocess.run(
        ["import", "-window", "root", "-crop", FIRST_ROW, "-depth", "8", "gray:-"], capture_output=True, check=True
    ).stdout
    return hashlib.md5(pixels).hexdigest()


def sql(register, query):
    return subprocess.run(["sqlite3", "-readonly", register, query], capture_output=True, text=True, check=True).stdout.strip()


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def rename(cli, register, reference, unit, name, folder):
    csv = os.path.join(folder, "rename.csv")
    with open(csv, "w") as out:
        out.write(f'Reference,Name,Business unit\r\n{reference},"{name}","{unit}"\r\n')
    subprocess.run([cli, "import", register, csv], check=True, stdout=subprocess.DEVNULL)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    register = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    build = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "build")
    cli = os.path.join(build, "app", "custos-cli")
    first = sql(register, "SELECT id, reference, name FROM assets WHERE status = 'Active' ORDER BY reference LIMIT 1")
    asset_id, reference, original = first.split("|", 2)
    unit = sql(
        register,
        "WITH RECURSIVE up(id, parent_id, path) AS (SELECT u.id, u.parent_id, u.name FROM units u "
        f"JOIN assets a ON a.unit_id = u.id WHERE a.id = {asset_id} UNION ALL SELECT p.id, p.parent_id, "
        "p.name || ' / ' || up.path FROM units p JOIN up ON p.id = up.parent_id) "
        "SELECT path FROM up WHERE parent_id IS NULL",
    )
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x900x24"], stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = DISPLAY
    time.sleep(1)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"))
        window = subprocess.Popen([os.path.join(build, "app", "custos"), register], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(4)
            subprocess.run(["xdotool", "mousemove", "161", "71", "click", "1"], check=True)  # the Assets tab
            time.sleep(40)  # the table's ids and the dashboard's figures and trend
            before = cpu_ticks(window.pid)
            time.sleep(20)
            idle = cpu_ticks(window.pid) - before
            print(f"CPU while idle: {idle} clock ticks in 20 s ({idle / 20 / os.sysconf('SC_CLK_TCK') * 100:.2f} % of a core)")
            delays = []
            for run in range(runs):
                shown = grab()
                rename(cli, register, reference, unit, f"Renamed by another process {run + 1}", home)
                committed = time.monotonic()
                while grab() == shown:
                    if time.monotonic() - committed > 30:
                        raise RuntimeError("the table did not show the change within 30 s")
                delays.append(time.monotonic() - committed)
                print(f"run {run + 1}: commit to table {delays[-1] * 1000:.0f} ms", flush=True)
                time.sleep(3)
            rename(cli, register, reference, unit, original, home)
            print("commit to table, sorted: " + ", ".join(f"{d * 1000:.0f}" for d in sorted(delays)) + " ms")
        finally:
            window.kill()
            xvfb.kill()


if __name__ == "__main__":
    main()
