#!/usr/bin/env bash
# Benchmarks orgclose on generated organizations of 1,000, 10,000 and 100,000 accounts and
# prints, per size, the median wall time and peak memory of `plan --out`, `validate`,
# `render --format markdown` and (when installed) jq reading the same snapshot, with the
# ratios to jq and the growth from 10,000 to 100,000 accounts. It prints figures; it never
# fails on time (DESIGN.md, "Performance budgets").
#
# Usage: scripts/bench.sh [ORGCLOSE_BINARY]   (default .build/release/orgclose)
# Environment: RUNS (runs per command, default 5), SIZES (default "1000 10000 100000"),
#              BENCH_DIR (generated files, default .bench).
set -euo pipefail
export LC_ALL=C  # a decimal point in printf and awk

bin=${1:-.build/release/orgclose}
runs=${RUNS:-5}
sizes=${SIZES:-"1000 10000 100000"}
dir=${BENCH_DIR:-.bench}
start=2026-12-01

[[ -x $bin ]] || { echo "bench: $bin is not built (swift build -c release --product orgclose)" >&2; exit 1; }
command -v python3 > /dev/null || { echo "bench: python3 is needed to measure" >&2; exit 1; }
measure_py="$(dirname "$0")/measure.py"
have_jq=false
command -v jq > /dev/null && have_jq=true
mkdir -p "$dir"

# measure NAME COMMAND...: runs the command $runs times and sets $wall (s) and $peak (MB) to
# the medians. scripts/measure.py times each run to the millisecond (time(1)'s hundredths made
# the 10,000-account ratios jump by a tenth) and reads the child's peak memory.
measure() {
  local name=$1 times=() mems=() line
  shift
  for ((run = 0; run < runs; run++)); do
    line=$(python3 "$measure_py" "$dir/stderr.txt" "$@") || {
      echo "bench: $name failed:" >&2; cat "$dir/stderr.txt" >&2; exit 1; }
    times+=("${line% *}")
    mems+=("${line#* }")
  done
  wall=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  peak=$(printf '%s\n' "${mems[@]}" | sort -g | awk '{ v[NR] = $1 } END { printf "%.0f", v[int((NR + 1) / 2)] / 1024 }')
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "-" }'; }

declare -A result per_account
echo "orgclose benchmark: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per command, medians"
for size in $sizes; do
  snapshot=$dir/org-$size.json
  plan=$dir/plan-$size.json
  [[ -f $snapshot ]] || "$bin" generate --accounts "$size" --seed 1 --out "$snapshot" 2> /dev/null
  "$bin" plan "$snapshot" --start "$start" --out "$plan" > /dev/null
  units=$("$bin" validate "$snapshot" | sed -E 's/.*, ([0-9]+) OUs.*/\1/')
  steps=$(grep -o '"summary":{[^}]*' "$plan" | grep -o '"steps":[0-9]*' | cut -d: -f2)
  plan_bytes=$(stat -c %s "$plan")
  per_account[$size]=$((plan_bytes / size))
  megabytes=$(awk -v bytes="$(stat -c %s "$snapshot")" 'BEGIN { printf "%.1f", bytes / 1e6 }')

  names=("orgclose plan --out" "orgclose validate" "orgclose render --format markdown")
  measure plan "$bin" plan "$snapshot" --start "$start" --out "$plan"
  result[$size,0]="$wall $peak"
  measure validate "$bin" validate "$snapshot"
  result[$size,1]="$wall $peak"
  measure render "$bin" render "$plan" --format markdown
  result[$size,2]="$wall $peak"
  if $have_jq; then
    names+=("jq (account IDs, sorted)")
    measure jq jq '[.accounts[].id] | sort | length' "$snapshot"
    result[$size,3]="$wall $peak"
  fi
  jq_wall=${result[$size,3]:-"0 0"}
  jq_wall=${jq_wall% *}

  echo
  printf '%s accounts, %s OUs, %s MB snapshot, %s plan steps, plan file %s bytes (%s per account)\n' \
    "$size" "$units" "$megabytes" "$steps" "$plan_bytes" "${per_account[$size]}"
  printf '  %-34s %9s %10s %9s\n' command "wall (s)" "peak (MB)" "× jq"
  for index in "${!names[@]}"; do
    read -r wall peak <<< "${result[$size,$index]}"
    printf '  %-34s %9s %10s %9s\n' "${names[$index]}" "$wall" "$peak" "$(ratio "$wall" "$jq_wall")"
  done
done

if [[ " $sizes " == *" 10000 "* && " $sizes " == *" 100000 "* ]]; then
  echo
  echo "Growth from 10,000 to 100,000 accounts"
  printf '  %-34s %9s %10s\n' command "time ×" "memory ×"
  for index in "${!names[@]}"; do
    read -r small_wall small_peak <<< "${result[10000,$index]}"
    read -r large_wall large_peak <<< "${result[100000,$index]}"
    printf '  %-34s %9s %10s\n' "${names[$index]}" "$(ratio "$large_wall" "$small_wall")" \
      "$(ratio "$large_peak" "$small_peak")"
  done
  read -r plan_wall plan_peak <<< "${result[100000,0]}"
  read -r small_wall _ <<< "${result[10000,0]}"
  echo
  echo "Budgets for 100,000 accounts (DESIGN.md):"
  echo "  plan --out within 1.3× jq: $($have_jq && ratio "$plan_wall" "${result[100000,3]% *}" || echo -)×"
  echo "  render --format markdown within 1.0× jq: $($have_jq && ratio "${result[100000,2]% *}" "${result[100000,3]% *}" || echo -)×"
  echo "  growth of plan --out from 10,000 to 100,000 at most 11×: $(ratio "$plan_wall" "$small_wall")×"
  echo "  peak memory of plan --out under 512 MB: ${plan_peak} MB"
  echo "  plan file at most 500 bytes per account: ${per_account[100000]} bytes"
fi
