#!/usr/bin/env bash
# Times `orgclose snapshot` against a local moto server holding a large organization
# (default 1,000 accounts in 100 OUs, five levels deep), serially and in parallel, and prints
# the request counts, wall times and CPU time (orgclose and its aws processes; the moto server
# shares the machine, so the load average at the start of each run is printed too).
# Not part of `make test`: it takes a few minutes.
#
#   scripts/bench-snapshot.sh                      # 1000 accounts, 100 OUs, --parallel 1 and 4
#   ACCOUNTS=200 OUS=20 PARALLEL="1 2 4" scripts/bench-snapshot.sh
#   ORGCLOSE=.build/release/orgclose scripts/bench-snapshot.sh
#
# Everything runs on 127.0.0.1; the user's AWS configuration and credentials are shut out.
set -euo pipefail
cd "$(dirname "$0")/.."

ACCOUNTS=${ACCOUNTS:-1000}
OUS=${OUS:-100}
DEPTH=${DEPTH:-5}
PARALLEL=${PARALLEL:-"1 4"}

make --no-print-directory tools >/dev/null
if [ -z "${ORGCLOSE:-}" ]; then
  swift build --product orgclose >/dev/null
  ORGCLOSE=.build/debug/orgclose
fi
VENV=.tools/venv/bin
WORK=$(mktemp -d)

# Only the test server: fixed test credentials, no config files, no AWS_* from the caller.
for variable in $(env | grep -o '^AWS_[A-Z_]*' || true); do unset "$variable"; done
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
# moto answers the calls it does not implement with HTTP 500, which the CLI and orgclose
# retry; two CLI attempts keep those (which real AWS answers) from dominating the times.
export AWS_MAX_ATTEMPTS=${AWS_MAX_ATTEMPTS:-2}
export PATH="$PWD/$VENV:$PATH"

coproc MOTO { "$VENV/python" scripts/moto_org.py serve 2>/dev/null; }
read -r PORT <&"${MOTO[0]}"
stop_server() {
  exec {MOTO[1]}>&- 2>/dev/null || true
  wait "$MOTO_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop_server EXIT
ENDPOINT="http://127.0.0.1:$PORT"
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

start=$(date +%s.%N)
"$VENV/python" scripts/moto_org.py build --endpoint "$ENDPOINT" --accounts "$ACCOUNTS" \
  --ous "$OUS" --depth "$DEPTH" --costs >"$WORK/manifest.json"
built=$(date +%s.%N)
printf 'moto organization: %s accounts + management, %s OUs, %s levels (built in %.1f s)\n' \
  "$ACCOUNTS" "$OUS" "$DEPTH" "$(seconds "$start" "$built")"
printf '%s on %s cores, %s\n\n' "$(aws --version 2>&1 | cut -d' ' -f1)" "$(nproc)" "$ORGCLOSE"
printf '%-9s %9s %9s %12s %8s %6s %5s %6s\n' parallel "wall (s)" "CPU (s)" invocations re-runs pages gaps load

first=""
for parallel in $PARALLEL; do
  out="$WORK/p$parallel.json"
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s.%N)
  TIMEFORMAT='%U %S'
  { time "$ORGCLOSE" snapshot --endpoint-url "$ENDPOINT" --parallel "$parallel" --out "$out" \
    2>"$WORK/p$parallel.err"; } 2>"$WORK/p$parallel.time"
  end=$(date +%s.%N)
  cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$WORK/p$parallel.time")
  summary=$(tail -1 "$WORK/p$parallel.err")
  invocations=$(echo "$summary" | sed -E 's/.*; ([0-9]+) aws invocations.*/\1/')
  reruns=$(echo "$summary" | sed -E 's/.*\(([0-9]+) re-run.*/\1/')
  pages=$(echo "$summary" | sed -E 's/.* ([0-9]+) API pages.*/\1/')
  gaps=$(echo "$summary" | sed -E 's/.* ([0-9]+) gaps?;.*/\1/')
  printf '%-9s %9s %9s %12s %8s %6s %5s %6s\n' "$parallel" "$(seconds "$start" "$end")" \
    "$cpu" "$invocations" "$reruns" "$pages" "$gaps" "$load"
  # Every run must read the same organization (capturedAt aside).
  "$VENV/python" - "$out" "$WORK/manifest.json" <<'PY'
import json, sys
snapshot, manifest = (json.load(open(p)) for p in sys.argv[1:3])
parents = {a["id"]: a["parentId"] for a in snapshot["accounts"]}
assert parents == manifest["accounts"], "an account is missing or under the wrong parent"
units = {u["id"]: u["parentId"] for u in snapshot["organizationalUnits"]}
assert units == {k: v["parentId"] for k, v in manifest["units"].items()}, "OU tree differs"
PY
  if [ -z "$first" ]; then first=$out; else
    cmp -s <(grep -v capturedAt "$first") <(grep -v capturedAt "$out") \
      || { echo "snapshots differ between parallel runs" >&2; exit 1; }
  fi
done
echo
echo "Gaps (calls moto does not implement):"
grep '^orgclose: gap:' "$WORK/p${PARALLEL%% *}.err" | cut -c1-120
