#!/usr/bin/env bash
# `npm run lab [-- <folder>] [-- Jupyter options]`: Jupyter Notebook on notebooks/ (or on <folder>, for example a
# handout or a folder of submissions) with the project's tslab kernel (found via JUPYTER_PATH). A notebook in any
# folder can import "caspian-lab" on this kernel.
set -euo pipefail
from="${INIT_CWD:-$PWD}"
dir=""
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  dir=$(cd "$from" && cd "$1" 2>/dev/null && pwd) || { echo "lab: $1 is not a folder" >&2; exit 1; }
  shift
fi
cd "$(dirname "$0")/.."
[ -n "$dir" ] || dir="$(pwd)/notebooks"
[ -f .jupyter/kernels/tslab/kernel.json ] || bash scripts/setup.sh
node scripts/write-kernelspec.mjs   # keeps the kernelspec and its caspian-lab link current (no-op when they are)
node scripts/build.mjs       # the library, the assets, and the cell cache of notebooks/ (runner/precompile-cells.js)
export JUPYTER_PATH="$(pwd)/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export CASPIAN_CACHE_DIR="${CASPIAN_CACHE_DIR:-$(pwd)/.jupyter/cache}"   # compiled cells and parsed data files
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)   # Jupyter refuses to run as root without it
exec /usr/bin/python3 -m notebook --notebook-dir="$dir" "${extra[@]}" "$@"
