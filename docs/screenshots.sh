#!/usr/bin/env bash
# Makes the pictures of docs/report.md with headless Chromium (Debian's `chromium`):
# docs/report.png (the report of a followed plan with progress) and docs/graph.png (a role's
# graph). Run from the repository root after `cargo build --release`.
set -euo pipefail
learnpath="${LEARNPATH:-target/release/learnpath}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LEARNPATH_PROGRESS="$work/progress.yaml" XDG_CONFIG_HOME="$work/config" TZ=UTC
quiet() { "$learnpath" -q "$@" >/dev/null; }
quiet done 01_the_ring0_problem --on 2027-01-02 --took 25m --today 2027-01-02
quiet done 01_modern_topology --on 2027-01-03 --today 2027-01-03
quiet follow --role "storage engineer" --hours 5 --start 2027-01-04 --today 2027-01-04
quiet done 02_hardware_solution --on 2027-01-06 --took 40m --today 2027-01-06
"$learnpath" -q report --role "storage engineer" --hours 5 --start 2027-01-09 --today 2027-01-08 \
    --skip 2027-01-13 -o "$work/report.html"
"$learnpath" -q graph --role "storage engineer" --done 01_the_ring0_problem,01_modern_topology,02_hardware_solution \
    -o "$work/graph.svg"
shot() { # page, png, width,height
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile" \
        --hide-scrollbars --window-size="$3" --screenshot="$2" "file://$1" 2>/dev/null
}
shot "$work/report.html" docs/report.png 1200,2820
size=$(grep -o 'width="[0-9]*" height="[0-9]*"' "$work/graph.svg" | head -1 | tr -dc '0-9 ' | tr ' ' ',')
shot "$work/graph.svg" docs/graph.png "$size"
