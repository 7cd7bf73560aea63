#!/usr/bin/env bash
# Caspian Lab setup: Debian packages, npm packages, and the project's tslab kernelspec.
# Idempotent: a second run checks and changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# Debian packages the toolkit needs (Jupyter from Debian, Chromium for chart export,
# pandas/numpy only for the comparison benchmark).
DEB_PACKAGES=(jupyter-nbconvert python3-nbclient jupyter-client jupyter-notebook python3-ipykernel
  chromium fonts-dejavu-core python3-pandas python3-numpy iproute2 util-linux)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${DEB_PACKAGES[@]}"; do
    st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$st" = "installed" ] || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing Debian packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
      echo "setup: missing Debian packages: ${missing[*]}" >&2
      echo "setup: run as root:  apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
  fi
else
  echo "setup: this is not a Debian or Ubuntu machine. Install by hand, then run this script again:" >&2
  echo "  - Jupyter for /usr/bin/python3: nbclient >= 0.7, nbconvert >= 6.5, jupyter_client, notebook" >&2
  echo "  - Chromium at /usr/bin/chromium (or set CASPIAN_CHROMIUM)" >&2
  echo "  - Node.js >= 20.19 with npm" >&2
  exit 1
fi

# npm packages: install only when package-lock.json changed since the last install.
stamp=node_modules/.caspian-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "${CASPIAN_SKIP_NPM:-}" = 1 ]; then
  : # the caller runs npm ci itself (.ci/run)
elif [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

# tslab kernelspec in a project-local Jupyter path (.jupyter/kernels/tslab), pointing at this checkout's tslab,
# with runner/kernel-watchdog.js preloaded so that a kernel exits when the process that started it dies.
node scripts/write-kernelspec.mjs
