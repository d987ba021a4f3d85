#!/usr/bin/env bash
# The README's "Three weeks with learnpath", run for real: the embedded curriculum, a learner's
# own files in a temporary home, fixed dates (--today). Prints each command and what it printed,
# the temporary home shown as /home/me. Regenerate the README's story with it:
#
#   cargo build --release && examples/three_weeks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/${LEARNPATH:-target/release/learnpath}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config TZ=Europe/Berlin
unset LEARNPATH_PROGRESS LEARNPATH_PROFILE LEARNPATH_CURRICULUM LEARNPATH_TODAY
cp examples/work.ics "$home/work.ics"

# Shows `$ learnpath ARGS` (an argument with a space in quotes), then runs it in the home folder.
run() {
    local shown=() arg
    for arg in "$@"; do
        case $arg in *" "*) shown+=("\"$arg\"") ;; *) shown+=("${arg//$home/\/home\/me}") ;; esac
    done
    printf '$ learnpath %s\n' "${shown[*]}"
    (cd "$home" && "$bin" "$@" 2>&1) | sed "s#$home#/home/me#g"
}
say() { printf '\n# %s\n' "$*"; }

say "Monday 2027-01-04: her choices, once (short, uneven evenings); the plan she means to keep; her calendar."
run profile set --role "storage engineer" --days mon=45m,tue=30m,thu=1h,sat=2h --busy "$home/work.ics" --tz Europe/Berlin --remind 15m
run --today 2027-01-04 plan
run --today 2027-01-04 follow -q
run --today 2027-01-04 export --format ics -o plan.ics

say "The first week: every evening gets its sitting, short ones included."
run --today 2027-01-04 done 01_modern_topology --part 1
run --today 2027-01-05 done 01_the_ring0_problem --took 25m
run --today 2027-01-07 done 02_hardware_solution --took 40m
run --today 2027-01-07 done 03_vm_exit_basics

say "Week 2: Saturday the 9th went to friends, and the 16th is taken too."
run profile set --skip 2027-01-16
run --today 2027-01-11 status
run --today 2027-01-11 replan
run --today 2027-01-11 plan --explain
run --today 2027-01-11 export --format ics -o plan.ics

say "Week 3: evenings of catching up; where does she stand, and when will she be done?"
run --today 2027-01-12 done 01_modern_topology --took 45m
run --today 2027-01-12 done 02_server_hierarchy
run --today 2027-01-18 done 03_3tier_vs_spine_leaf --on 2027-01-16
run --today 2027-01-18 done 04_ecmp_load_balancing --took 1h05m
run --today 2027-01-18 status
run --today 2027-01-18 review
run --today 2027-01-18 review 01_the_ring0_problem --grade good
run --today 2027-01-18 export --format ics -o plan.ics
run --today 2027-01-18 report -o plan.html
