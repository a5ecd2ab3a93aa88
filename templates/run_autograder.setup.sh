#!/usr/bin/env bash
# Gradescope's setup.sh for relu-lab: runs once when the autograder image is
# built. relu-lab needs Node 20 or newer and git; its dependencies (Vitest
# included: the grader runs on it) are installed from package-lock.json.
# If your base image's nodejs package is older than 20, install Node 20 the
# way your image supports before this script's check.
set -euo pipefail

apt-get update
apt-get install -y --no-install-recommends git ca-certificates nodejs npm
# bubblewrap gives each sandbox no network and a read-only view of its own
# code; where the container may not make namespaces, relu-lab falls back to an
# unprivileged user and resource limits (`relu-lab doctor` says which it got)
apt-get install -y --no-install-recommends bubblewrap util-linux || echo "bubblewrap is not available: sandboxes run without it" >&2

major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
  echo "relu-lab needs Node 20 or newer; this image has $(node --version). Install Node 20 first." >&2
  exit 1
fi

cd /autograder/source/relu-lab
npm ci --no-audit --no-fund
chmod +x /autograder/source/relu-lab/templates/run_autograder
