#!/usr/bin/env bash
# `npm run lab`: Jupyter Notebook on notebooks/ with the project's tslab kernel (found via JUPYTER_PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .jupyter/kernels/tslab/kernel.json ] || bash scripts/setup.sh
npx tsc -p tsconfig.json && node scripts/build-assets.mjs
export JUPYTER_PATH="$(pwd)/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)   # Jupyter refuses to run as root without it
exec /usr/bin/python3 -m notebook --notebook-dir=notebooks "${extra[@]}" "$@"
