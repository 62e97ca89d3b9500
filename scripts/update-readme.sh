#!/usr/bin/env bash
# Regenerates README's teaser from the real output of convmat (make readme).
set -euo pipefail
cd "$(dirname "$0")/.."
output=$(mktemp)
trap 'rm -f "$output" README.md.tmp' EXIT
.build/debug/convmat show 'Conv1d(2, 3, kernel_size=3, bias=False)' --input 2x6 > "$output"
awk -v generated="$output" '
  /^<!-- teaser:/ { print; print "```text"; while ((getline line < generated) > 0) print line; print "```"; skipping = 1; next }
  /^<!-- \/teaser -->/ { skipping = 0 }
  !skipping { print }' README.md > README.md.tmp
mv README.md.tmp README.md
