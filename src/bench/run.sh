#!/usr/bin/env bash
# Runs `numscan bench` with Tesseract side by side, installing Debian's tesseract-ocr first when
# it is missing (as root), and keeps the JSON under src/bench/results/.
#
# usage: src/bench/run.sh [PAGES_DIR] [numscan bench options...]
#   PAGES_DIR: documents with <name>.expected.json (default: samples; `numscan corpus` makes more)
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v tesseract >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "needs tesseract-ocr and tesseract-ocr-eng (Debian packages); run as root or install them first" >&2
    exit 1
  fi
  echo "installing: tesseract-ocr tesseract-ocr-eng"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq tesseract-ocr tesseract-ocr-eng >/dev/null
fi

pages=${1:-samples}
[ $# -gt 0 ] && shift
mkdir -p src/bench/results
out="src/bench/results/bench-$(date -u +%Y%m%dT%H%M%SZ).json"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./numscan bench "$pages" --json "$out" "$@"
echo "wrote $out"
