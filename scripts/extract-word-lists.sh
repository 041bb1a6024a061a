#!/bin/sh
# Writes ocr-data/<lang>.words.gz: the word list each shipped Tesseract model carries inside its traineddata
# (the LSTM word DAWG), one word per line, sorted by code point, gzip'ed. The document reader uses them to
# tell a word read in the wrong script from a word written that way (src/adapters/documents/reread-other-script.ts).
# Run once after replacing a traineddata file; needs Tesseract's own tools (apt: tesseract-ocr), not needed at run time.
set -eu
cd "$(dirname "$0")/../ocr-data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in eng rus; do
  combine_tessdata -u "$lang.traineddata" "$work/$lang." >/dev/null 2>&1
  dawg2wordlist "$work/$lang.lstm-unicharset" "$work/$lang.lstm-word-dawg" "$work/$lang.txt" 2>/dev/null
  LC_ALL=C sort -u "$work/$lang.txt" | gzip -9n > "$lang.words.gz"
done
