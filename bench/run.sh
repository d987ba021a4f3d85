#!/usr/bin/env bash
# Whole-process benchmarks: learnpath against the floors it cannot beat.
#
#   bench/run.sh                  # 1k, 10k and 100k documents
#   SIZES="1000 10000" bench/run.sh
#
# - plan on a synthetic curriculum vs `cat` of all its Markdown files (the I/O floor);
# - plan on the embedded curriculum vs `learnpath --version` (the process-start floor);
# - validate on a 1,000-page foreign curriculum (issue 14: no manifest, other field names and
#   link styles) vs the classic one of 1,000 pages, and the peak RSS of both;
# - peak RSS of the plan at each size; the 10k -> 100k growth factor;
# - status with a progress file of 100,000 entries (time and peak RSS);
# - a plan with minutes per day, skipped dates and a 500-event busy calendar, against cat;
# - plan --by against one plan at the largest size;
# - a 1,000-page mdBook (issue 24): the plan for its last page, and validate with and without its
#   table of contents (book.toml and SUMMARY.md taken away: the same pages, read, not ordered);
# - reviews (issue 25): each size's plan against the same plan with --no-review, a plan for a
#   learner with 1,000 reviewed documents, and `review` listing the due reviews of 10,000.
# Uses hyperfine when it is installed (Debian: apt-get install hyperfine), else a loop timed
# with /usr/bin/time. Timings are for reading, not for pass/fail: machines are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${SIZES:-"1000 10000 100000"}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/learnpath-bench}
runs=${RUNS:-10}
cargo build --release --quiet --bin learnpath --example synth
bin=$PWD/target/release/learnpath
mkdir -p "$work"

# Median wall time in seconds of a command, over $runs runs after warm-ups. Commands without a
# pipe run without a shell, so that millisecond timings are not shell start-up. With tolerate=1,
# a non-zero exit status does not stop the bench (hyperfine -i).
measure() {
    local command=$1 shell=() ignore=()
    case $command in *"|"*) ;; *) shell=(--shell=none) ;; esac
    if [ -n "${tolerate:-}" ]; then ignore=(-i); fi
    if command -v hyperfine >/dev/null; then
        hyperfine "${shell[@]}" "${ignore[@]}" --command-name measured --style none --warmup 3 --runs "$runs" --export-csv "$work/last.csv" "$command" >/dev/null 2>&1
        awk -F, 'NR == 2 { print $4 }' "$work/last.csv"
    else
        if [ -n "${tolerate:-}" ]; then command="$command || true"; fi
        sh -c "$command" >/dev/null 2>&1
        for _ in $(seq "$runs"); do
            /usr/bin/time -f %e sh -c "$command" 2>&1 >/dev/null | tail -n 1
        done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
    fi
}

# Writes the synthetic curriculum of a size and shape (seed 1) to a folder once; later runs
# reuse it.
synthesize() {
    local dir=$1 size=$2 shape=$3
    if [ ! -f "$dir/.complete" ]; then
        rm -rf "$dir"
        target/release/examples/synth --docs "$size" --seed 1 --shape "$shape" --out "$dir" 2>/dev/null
        touch "$dir/.complete"
    fi
}

# Peak resident memory in MB of a command.
peak_rss() {
    /usr/bin/time -f %M sh -c "$1" 2>&1 >/dev/null | tail -n 1 | awk '{ printf "%.1f", $1 / 1024 }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); timer: $(command -v hyperfine >/dev/null && echo hyperfine || echo /usr/bin/time)"
echo
printf '%-9s %10s %10s %8s %10s\n' docs "plan (s)" "cat (s)" "ratio" "RSS (MB)"
declare -A plan_seconds
for size in $sizes; do
    dir=$work/synth-$size
    synthesize "$dir" "$size" classic
    plan="$bin plan --curriculum $dir --spec 5.1 --spec 5.2 --hours 10 --no-progress --start 2027-01-04"
    floor="find $dir -name '*.md' -print0 | xargs -0 cat > /dev/null"
    plan_time=$(measure "$plan")
    cat_time=$(measure "$floor")
    plan_seconds[$size]=$plan_time
    printf '%-9s %10.3f %10.3f %7.2fx %10s\n' "$size" "$plan_time" "$cat_time" \
        "$(awk -v a="$plan_time" -v b="$cat_time" 'BEGIN { print a / b }')" "$(peak_rss "$plan")"
done
echo

# Issue 14: loading a 1,000-page foreign curriculum with all its resolutions (URL, relative, slug,
# id and folder links; hard/soft maps; times from other fields or estimated from the body) stays
# within 1.5x of the classic one. validate loads every page and resolves every link. Until the
# loader reads the foreign shapes, it reports errors there and exits 65: that run's exit status is
# not checked (tolerate=1, hyperfine -i), and its time is then that of rejecting the pages.
# Five times the runs: these take milliseconds and the ratio is read against 1.5x.
foreign_dir=$work/synth-foreign-1000
classic_dir=$work/synth-1000
synthesize "$foreign_dir" 1000 foreign
synthesize "$classic_dir" 1000 classic
foreign="$bin validate --curriculum $foreign_dir --format json"
classic="$bin validate --curriculum $classic_dir --format json"
foreign_time=$(tolerate=1 runs=$((runs * 5)) measure "$foreign")
classic_time=$(runs=$((runs * 5)) measure "$classic")
printf 'foreign 1000: %.3f s vs classic 1000: %.3f s: %.2fx, RSS %s MB vs %s MB\n' "$foreign_time" \
    "$classic_time" "$(awk -v a="$foreign_time" -v b="$classic_time" 'BEGIN { print a / b }')" \
    "$(peak_rss "$foreign")" "$(peak_rss "$classic")"

# Issue 24: a book of 1,000 pages without frontmatter, planned in its SUMMARY.md's order (under
# 50 ms), and what reading the table adds to loading the same pages (under 10%).
book_dir=$work/synth-book-1000
bare_dir=$work/synth-book-1000-bare
synthesize "$book_dir" 1000 book
if [ ! -f "$bare_dir/.complete" ]; then
    rm -rf "$bare_dir"
    cp -r "$book_dir" "$bare_dir"
    rm "$bare_dir/book.toml" "$bare_dir/src/SUMMARY.md"
fi
book="$bin plan --curriculum $book_dir --target s000999 --hours 10 --no-progress --start 2027-01-04"
book_validate="$bin validate --curriculum $book_dir"
bare_validate="$bin validate --curriculum $bare_dir"
book_time=$(runs=$((runs * 5)) measure "$book")
with_table=$(runs=$((runs * 5)) measure "$book_validate")
without_table=$(runs=$((runs * 5)) measure "$bare_validate")
printf 'book of 1000 pages: plan %.4f s, RSS %s MB; validate %.4f s with its table, %.4f s without: %.2fx\n' \
    "$book_time" "$(peak_rss "$book")" "$with_table" "$without_table" \
    "$(awk -v a="$with_table" -v b="$without_table" 'BEGIN { print a / b }')"

embedded="$bin plan --role 'storage engineer' --hours 5 --no-progress --start 2027-01-04"
version="$bin --version"
embedded_time=$(runs=$((runs * 10)) measure "$embedded")
version_time=$(runs=$((runs * 10)) measure "$version")
printf 'embedded plan %.4f s, --version %.4f s: %.2fx, RSS %s MB\n' "$embedded_time" "$version_time" \
    "$(awk -v a="$embedded_time" -v b="$version_time" 'BEGIN { print a / b }')" "$(peak_rss "$embedded")"

# A progress file of 100,000 entries as learnpath writes it: the embedded curriculum's 65
# documents and 99,935 it does not have (kept, and named in a warning, which -q silences).
progress=$work/progress-100000.yaml
if [ ! -f "$progress" ]; then
    {
        "$bin" list docs --format json | sed -n 's/^ *"path": "\(.*\)",$/\1/p'
        seq 0 99934 | awk '{ printf "archive/part-%03d/doc-%06d.md\n", $1 / 1000, $1 }'
    } | LC_ALL=C sort | awk 'BEGIN {
        print "# learnpath progress: the documents you have studied. Edit with `learnpath done` / `learnpath undo`."
        print "schema_version: 1"; print "done:"
    } { print "- path: " $0; print "  date: 2027-01-04" }' > "$progress.tmp"
    mv "$progress.tmp" "$progress"
fi
status="$bin status --progress $progress -q"
printf 'status with a 100,000-entry progress file (%s MB): %.3f s, RSS %s MB\n' \
    "$(awk -v b="$(wc -c < "$progress")" 'BEGIN { printf "%.1f", b / 1048576 }')" \
    "$(measure "$status")" "$(peak_rss "$status")"

# The availability model at the largest size: minutes per weekday, ten skipped ranges and a
# busy calendar of 500 events (100 weekly meetings for a year, 400 single evenings).
busy=$work/busy-500.ics
if [ ! -f "$busy" ]; then
    awk 'BEGIN {
        print "BEGIN:VCALENDAR"; print "VERSION:2.0"; print "PRODID:-//learnpath bench//EN"
        for (i = 0; i < 500; i++) {
            day = 1 + (i * 7) % 28; month = 1 + int(i / 45) % 12; hour = 17 + i % 4
            print "BEGIN:VEVENT"; printf "UID:bench-%d@learnpath\n", i
            printf "DTSTART;TZID=Europe/Berlin:2027%02d%02dT%02d0000\n", month, day, hour
            printf "DTEND;TZID=Europe/Berlin:2027%02d%02dT%02d4500\n", month, day, hour
            if (i < 100) print "RRULE:FREQ=WEEKLY;COUNT=52"
            print "END:VEVENT"
        }
        print "END:VCALENDAR"
    }' > "$busy"
fi
skips="2027-02-10..2027-02-20"
for month in 03 04 05 06 07 08 09 10 11; do skips="$skips,2027-$month-05..2027-$month-07"; done
largest=${sizes##* }
dir=$work/synth-$largest
available="$bin plan --curriculum $dir --spec 5.1 --spec 5.2 --hours 10 --no-progress --no-profile --start 2027-01-04 --days mon=1h,tue=1h,wed=90m,thu=1h,sat=3h,sun=2h --skip $skips --busy $busy"
available_time=$(TZ=Europe/Berlin measure "$available")
cat_time=$(measure "find $dir -name '*.md' -print0 | xargs -0 cat > /dev/null")
printf 'plan with minutes per day, 10 skips, 500 busy events at %s documents: %.3f s, %.2fx cat\n' \
    "$largest" "$available_time" "$(awk -v a="$available_time" -v b="$cat_time" 'BEGIN { print a / b }')"

# --by against one plan, on the largest synthetic curriculum: the deadline is the finish of the
# 10-hour plan, so the search has to find about 10 hours.
one="$bin plan --curriculum $dir --spec 5.1 --spec 5.2 --hours 10 --no-progress --start 2027-01-04"
finish=$($one --format json | sed -n 's/^ *"finish_date": "\(.*\)",$/\1/p')
by="$bin plan --curriculum $dir --spec 5.1 --spec 5.2 --by $finish --no-progress --start 2027-01-04 -q"
by_time=$(measure "$by")
printf -- '--by at %s documents: %.3f s, %.2fx one plan\n' "$largest" "$by_time" \
    "$(awk -v a="$by_time" -v b="${plan_seconds[$largest]}" 'BEGIN { print a / b }')"

# status with a followed plan (the baseline, ahead or behind, the projected finish and the
# 1,000-run forecast), on the embedded curriculum and on the 10k one, with a few documents done.
follow_status() {
    local name=$1 curriculum=$2 choice=$3 state=$work/follow-$1
    rm -rf "$state" && mkdir -p "$state"
    local env="LEARNPATH_PROGRESS=$state/progress.yaml"
    env "$env" "$bin" $curriculum --today 2027-01-04 --no-profile follow $choice --hours 10 -q > /dev/null
    local docs
    # The first five documents, a split one once; awk reads to the end, where `head` would close
    # the pipe early and, under pipefail, stop the bench.
    docs=$(env "$env" "$bin" $curriculum --today 2027-01-04 --no-profile follow --show --format json |
        sed -n 's/^ *"path": "\(.*\)",$/\1/p' | awk '!seen[$0]++ && ++n <= 5' | paste -sd, -)
    env "$env" "$bin" $curriculum --today 2027-01-20 done "$docs" --on 2027-01-05 -q > /dev/null
    local command="env $env $bin $curriculum --today 2027-01-20 --no-profile status -q"
    printf 'status following a plan, %s: %.4f s, RSS %s MB\n' "$name" "$(measure "$command")" "$(peak_rss "$command")"
}
follow_status embedded "" "--role storage-engineer"
if [ -d "$work/synth-10000" ]; then
    follow_status 10k "--curriculum $work/synth-10000" "--spec 5.1 --spec 5.2"
fi

# Issue 25: reviews are in plans by default. What they cost at each size (the plan places the
# reviews of every document it studies, over the plan's whole span), and for a learner with
# 1,000 documents done and reviewed twice (on the 10k curriculum, or the largest there is).
for size in $sizes; do
    dir=$work/synth-$size
    base="$bin plan --curriculum $dir --spec 5.1 --spec 5.2 --hours 10 --no-progress --start 2027-01-04"
    without=$(measure "$base --no-review")
    reviews=$($base --format json | grep -c '"kind": "review"' || true)
    printf 'reviews at %s documents: plan %.3f s, --no-review %.3f s: %.2fx (%s reviews placed)\n' \
        "$size" "${plan_seconds[$size]}" "$without" \
        "$(awk -v a="${plan_seconds[$size]}" -v b="$without" 'BEGIN { print a / b }')" "$reviews"
done
reviewed_dir=$work/synth-10000
[ -d "$reviewed_dir" ] || reviewed_dir=$work/synth-$largest
# A progress file of `count` documents of the curriculum, done in 2026 and each reviewed twice.
reviewed_progress() {
    local count=$1 file=$2
    "$bin" list docs --curriculum "$reviewed_dir" --format json | sed -n 's/^ *"path": "\(.*\)",$/\1/p' |
        awk -v n="$count" 'NR <= n' > "$file.paths"
    {
        echo "schema_version: 3"; echo "done:"
        awk '{ print "- path: " $0; printf "  date: 2026-%02d-%02d\n", 1 + NR % 9, 1 + NR % 27 }' "$file.paths"
        echo "review:"
        awk '{ print "- path: " $0; printf "  date: 2026-10-%02d\n", 1 + NR % 27; print "  grade: good"
               print "- path: " $0; printf "  date: 2026-12-%02d\n", 1 + NR % 27; print "  grade: good" }' "$file.paths"
    } > "$file"
}
reviewed_progress 1000 "$work/progress-reviewed-1000.yaml"
reviewed="$bin plan --curriculum $reviewed_dir --spec 5.1 --spec 5.2 --hours 10 --progress $work/progress-reviewed-1000.yaml --today 2027-01-04 -q"
with_time=$(measure "$reviewed")
without_time=$(measure "$reviewed --no-review")
printf '1,000 reviewed documents: plan %.3f s, --no-review %.3f s: %.2fx\n' "$with_time" "$without_time" \
    "$(awk -v a="$with_time" -v b="$without_time" 'BEGIN { print a / b }')"
reviewed_progress 10000 "$work/progress-reviewed-10000.yaml"
listing="$bin --curriculum $reviewed_dir --progress $work/progress-reviewed-10000.yaml --today 2027-01-04 review"
loading="$bin --curriculum $reviewed_dir validate -q"
printf 'review listing 10,000 reviewed documents: %.4f s (loading the curriculum alone: %.4f s), RSS %s MB\n' \
    "$(measure "$listing")" "$(measure "$loading")" "$(peak_rss "$listing")"

if [ -n "${plan_seconds[10000]:-}" ] && [ -n "${plan_seconds[100000]:-}" ]; then
    printf 'growth 10k -> 100k documents (10x): %.1fx the time\n' \
        "$(awk -v a="${plan_seconds[100000]}" -v b="${plan_seconds[10000]}" 'BEGIN { print a / b }')"
fi
