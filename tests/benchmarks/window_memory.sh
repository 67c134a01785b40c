#!/usr/bin/env bash
# The window's peak resident memory (VmHWM) on a register, as a person would use it: open it under
# Xvfb (the dashboard starts working out its figures and trend), go to the Assets page, click the
# first row, press Ctrl+End for the last row, and read VmHWM once the dashboard has finished.
# Prints each run and the median. Needs xvfb, xdotool and imagemagick.
#   tests/benchmarks/window_memory.sh REGISTER [RUNS] [CUSTOS_BINARY]
set -euo pipefail
register=$(realpath "$1")
runs=${2:-3}
custos=$(realpath "${3:-build/app/custos}")
display=:96
# How long the dashboard of a million assets takes to finish, with margin (about 20 s here).
settle=${SETTLE_SECONDS:-40}

Xvfb "$display" -screen 0 1600x900x24 2>/dev/null &
xvfb=$!
trap 'kill $xvfb' EXIT
export DISPLAY=$display
sleep 1

peaks=()
for run in $(seq "$runs"); do
    home=$(mktemp -d)
    HOME=$home XDG_CONFIG_HOME=$home/.config "$custos" --read-only "$register" >/dev/null 2>&1 &
    pid=$!
    xdotool search --sync --onlyvisible --pid "$pid" >/dev/null
    sleep 2
    xdotool mousemove 161 71 click 1        # the Assets tab
    sleep 2
    xdotool mousemove 400 135 click 1 key ctrl+End
    sleep "$settle"
    peak=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -rf "$home"
    echo "run $run: $peak MB"
    peaks+=("$peak")
done
median=$(printf '%s\n' "${peaks[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "median peak memory: $median MB"
