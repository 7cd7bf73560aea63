#!/bin/bash
# Usage: scripts/compare-packs.sh <pack A> <pack B>   (two out/figures folders, e.g. before and after a refactoring)
# Compares two report packs file by file; index.html and manifest.json are compared with the run-record lines
# (short hashes of lib and notebook, which change with any edit of the library) masked.
a=$1; b=$2
diff <(cd $a && find . -type f ! -name .specs.sha256 | sort) <(cd $b && find . -type f ! -name .specs.sha256 | sort) && echo "same file list"
n=0; d=0
for f in $(cd $a && find . -type f ! -name .specs.sha256 ! -name index.html ! -name manifest.json | sort); do
  n=$((n+1)); cmp -s $a/$f $b/$f || { d=$((d+1)); echo "DIFF $f"; }
done
echo "$n files compared byte for byte, $d differ"
mask() { sed -E 's/(Run record: <a href="[^"]*">)[^<]*/\1…/g; s/"sha256": "[0-9a-f]{64}"/"sha256":…/g' "$1"; }
for f in index.html manifest.json; do
  if diff -q <(mask $a/$f) <(mask $b/$f) >/dev/null; then echo "$f same (run-record summaries masked)"; else echo "DIFF $f"; diff <(mask $a/$f) <(mask $b/$f) | head -5; fi
done
