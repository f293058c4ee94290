#!/usr/bin/env bash
# Reads a labelled corpus (from `numscan corpus`) with Tesseract 5 and prints its scores next to
# NumScan's, per category, with the same token rule and matching (`numscan eval-docs --tesseract`).
#
# Tesseract runs twice: its default page segmentation (--psm 3) and sparse text with a digit
# whitelist (--psm 11), the setting people use to pull numbers out of forms. PDFs are rendered at
# 300 DPI with poppler's pdftoppm first (Tesseract does not read PDF); images are read as they are.
# One Tesseract process per core, each single-threaded (OMP_THREAD_LIMIT=1).
#
# usage: src/compare/tesseract.sh CORPUS_DIR [WORK_DIR]
set -euo pipefail

corpus=${1:?usage: $0 CORPUS_DIR [WORK_DIR]}
work=${2:-$(mktemp -d -t numscan-tesseract.XXXXXX)}
here=$(cd "$(dirname "$0")/../.." && pwd)

missing=""
command -v tesseract >/dev/null 2>&1 || missing="$missing tesseract-ocr tesseract-ocr-eng"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "needs:$missing (Debian packages); run as root or install them first" >&2
    exit 1
  fi
  echo "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq $missing >/dev/null
fi
tesseract --version 2>&1 | sed -n 1p

mkdir -p "$work/pages" "$work/psm3" "$work/psm11-digits"
jobs=$(nproc)

# One line per document: the Tesseract input (an image, or a list of page images for a PDF).
inputs="$work/inputs.txt"
: > "$inputs"
for truth in "$corpus"/*.expected.json; do
  name=$(basename "$truth" .expected.json)
  doc="$corpus/$name"
  case "$name" in
    *.pdf)
      pdftoppm -r 300 -gray -png "$doc" "$work/pages/$name"
      ls "$work/pages/$name"-*.png | sort -V > "$work/pages/$name.list"
      printf '%s\t%s\n' "$name" "$work/pages/$name.list" >> "$inputs"
      ;;
    *)
      printf '%s\t%s\n' "$name" "$doc" >> "$inputs"
      ;;
  esac
done

export OMP_THREAD_LIMIT=1 work
run_one() {
  local name=$1 input=$2
  tesseract "$input" "$work/psm3/$name" -l eng --psm 3 tsv >/dev/null 2>&1
  tesseract "$input" "$work/psm11-digits/$name" -l eng --psm 11 \
    -c tessedit_char_whitelist=0123456789.,-/ tsv >/dev/null 2>&1
}
export -f run_one
start=$(date +%s%N)
tr '\t' '\n' < "$inputs" | xargs -d '\n' -n 2 -P "$jobs" bash -c 'run_one "$1" "$2"' _
end=$(date +%s%N)
pages=$(find "$work/psm3" -name '*.tsv' -exec awk -F'\t' '$1 == 1' {} + | wc -l)
echo "tesseract: $pages pages, two modes, $jobs processes: $(( (end - start) / 1000000 )) ms"

cd "$here"
./numscan eval-docs "$corpus" --tesseract psm3="$work/psm3" --tesseract psm11-digits="$work/psm11-digits" "${@:3}"
