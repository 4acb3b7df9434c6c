#!/usr/bin/env bash
# Builds the libFuzzer harness, seeds a corpus from Samples/ and Tests/FuzzCorpus/, and fuzzes
# for FUZZ_SECONDS (default 180). Crashes, hangs and traps land in .fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-180}"
swift build -c release --scratch-path .build-fuzz --product orgclose-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
mkdir -p .fuzz/corpus .fuzz/artifacts
for sample in Samples/*/; do
  name=$(basename "$sample")
  [ -f "$sample/org.snapshot.json" ] || continue
  { printf '\000'; cat "$sample/org.snapshot.json"; } > ".fuzz/corpus/seed-snapshot-$name"
  [ -f "$sample/closure.policy.json" ] &&
    { printf '\001'; cat "$sample/closure.policy.json"; } > ".fuzz/corpus/seed-policy-$name"
  [ -f "$sample/expected/plan.json" ] &&
    { printf '\002'; cat "$sample/expected/plan.json"; } > ".fuzz/corpus/seed-plan-$name"
done
cp Tests/FuzzCorpus/* .fuzz/corpus/
.build-fuzz/release/orgclose-fuzz .fuzz/corpus -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=4096 -max_len=65536 -artifact_prefix=.fuzz/artifacts/ -print_final_stats=1
