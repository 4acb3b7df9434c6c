#!/usr/bin/env bash
# Throughput of apply at AWS's limit: rehearses the shipped schedule (the sample apply
# workflow's cron and --max-duration) against the fake organization on the virtual clock, for
# generated organizations of 300, 3,000 and 10,000 members, and prints per size the closures
# made in each full 30 days against AWS's bound (the quota, or 3 in flight at the closure
# time), the share of the bound, and the simulated date of the last closure against the plan's
# estimatedCompletion. It prints figures; it never fails on them.
#
# Usage: scripts/bench-apply.sh [ORGCLOSE_BINARY]   (default .build/release/orgclose)
# Environment: SIZES (members, default "300 3000 10000"), BENCH_DIR (default .bench).
set -euo pipefail
export LC_ALL=C

bin=${1:-.build/release/orgclose}
sizes=${SIZES:-"300 3000 10000"}
dir=${BENCH_DIR:-.bench}
workflow="$(dirname "$0")/../Samples/github-actions/orgclose-apply.yml"
[[ -x $bin ]] || { echo "bench-apply: $bin is not built" >&2; exit 1; }
mkdir -p "$dir"

# The shipped schedule: the minutes between runs from the cron line ("M * * * *" is hourly,
# "*/N * * * *" every N minutes, "M H * * *" daily) and the apply step's --max-duration.
cron=$(sed -n 's/^ *- cron: "\([^"]*\)".*/\1/p' "$workflow" | head -1)
read -r minute hour _ <<< "$cron"
if [[ $hour == "*" && $minute == \*/* ]]; then every="${minute#*/}m"
elif [[ $hour == "*" ]]; then every=60m
else every=1440m; fi
duration=$(sed -n 's/.*--max-duration \([0-9]*[smh]\).*/\1/p' "$workflow" | head -1)
echo "Schedule of $workflow: cron \"$cron\" (a run every $every), --max-duration $duration"
echo "Closure time 10 min (one in ten up to 60 min); bound = min(quota, 3 in flight x 30 days / 10 min)"
echo
printf '%8s %7s %-32s %7s %-11s %-11s %9s\n' members bound "closures per full 30 days" share \
  "last close" "plan's end" "rehearse"
for members in $sizes; do
  snapshot="$dir/apply-$members.snapshot.json"
  plan="$dir/apply-$members.plan.json"
  [[ -f $snapshot ]] || "$bin" generate --accounts $((members + 1)) --out "$snapshot" > /dev/null 2>&1
  "$bin" plan "$snapshot" --start 2026-12-01 --out "$plan" > /dev/null
  started=$(python3 -c 'import time; print(time.time())')
  "$bin" rehearse "$plan" --every "$every" --max-duration "$duration" --format json \
    > "$dir/apply-$members.rehearsal.json" || true
  seconds=$(python3 -c "import time; print(time.time() - $started)")
  python3 - "$dir/apply-$members.rehearsal.json" "$members" "$seconds" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
windows = d["closuresPerFull30Days"]
shown = ", ".join(map(str, windows[:5])) + (", ..." if len(windows) > 5 else "")
share = "%.1f %%" % (100 * d["shareOfBound"]) if d["shareOfBound"] is not None else "n/a"
print("%8s %7s %-32s %7s %-11s %-11s %8.1fs" % (
    sys.argv[2], d["boundPer30Days"], shown or "(all within 30 days)", share,
    (d["lastClosure"] or "-")[:10], d["estimatedCompletion"] or "-", float(sys.argv[3])))
if d["violations"]:
    print("         BROKEN: " + "; ".join(d["violations"][:3]))
PY
done
