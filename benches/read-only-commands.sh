#!/usr/bin/env bash
# Whole-process timings of the read-only commands against DESIGN.md's budget: median under
# 10 ms each, start-up included, on the 2-core reference machine.
#
#   benches/read-only-commands.sh            # builds --release, needs hyperfine
#
# Each command runs against a fresh temporary --home with --no-input, as a script would.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/fieldtrace"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
out="${BENCH_OUT:-target/bench-read-only.json}"

hyperfine --warmup 5 --runs "${RUNS:-50}" -N --export-json "$out" \
  -n "ref search" "$bin --home $home --no-input ref search kalashnikov" \
  -n "ref search --calibre" "$bin --home $home --no-input ref search rifle --calibre 7,62x39" \
  -n "ref stats" "$bin --home $home --no-input ref stats --json" \
  -n "decode" "$bin --home $home --no-input decode '66 in a triangle' '((10))' 'LC 78'" \
  -n "identify (facts)" "$bin --home $home --no-input identify --calibre 7.62x39 --marking '66 in a triangle' --feature stock=underfolding --json" \
  -n "identify (answers)" "$bin --home $home --no-input identify --answers examples/type56-answers.toml"

python3 - "$out" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
worst = 0.0
for r in results:
    median_ms = r["median"] * 1000
    worst = max(worst, median_ms)
    print(f'{r["command"]:<22} median {median_ms:6.2f} ms   mean {r["mean"]*1000:6.2f} ms   max {r["max"]*1000:6.2f} ms')
print(f"budget: every median under 10 ms -> {'met' if worst < 10 else 'MISSED'} (worst {worst:.2f} ms)")
PY
