#!/usr/bin/env bash
# Gradescope's setup.sh for relu-lab: runs once, as root, when Gradescope
# builds the autograder's image (docs/platforms.md has the steps).
#
# 1. Node 20 from nodejs.org's release tarball, checked against the SHA-256
#    published in that release's SHASUMS256.txt (pinned below: change both
#    together). Gradescope's Ubuntu images ship an older nodejs package.
# 2. relu-lab's packages with `npm ci` from package-lock.json, and one run
#    of `relu-lab doctor`, which builds relu-lab's compiled CLI into
#    node_modules/.cache: run_autograder then needs no network and no npm.
# 3. git, and bubblewrap where the image allows it (each sandbox then has
#    no network and a read-only view of its own code; without it relu-lab
#    falls back to an unprivileged user and resource limits).
#
# Settings (environment), for testing this script: RELU_LAB (the relu-lab
# folder, default /autograder/source/relu-lab), RELU_LAB_NODE_DIST (where
# the release tarballs are, default https://nodejs.org/dist),
# RELU_LAB_NODE_PREFIX (where Node goes, default /usr/local/lib/relu-lab-node;
# run_autograder looks there).
set -euo pipefail

NODE_VERSION="20.19.5"
NODE_SHA256="315046739a513a70e03a4a55a8afda8cf979f30852e576075c340084e3f8ac0f"
NODE_TARBALL="node-v${NODE_VERSION}-linux-x64.tar.xz"
NODE_DIST="${RELU_LAB_NODE_DIST:-https://nodejs.org/dist}"
NODE_PREFIX="${RELU_LAB_NODE_PREFIX:-/usr/local/lib/relu-lab-node}"
RELU_LAB="${RELU_LAB:-/autograder/source/relu-lab}"

if [ "$(uname -m)" != "x86_64" ]; then
  echo "relu-lab's setup.sh installs Node for x86_64; this machine is $(uname -m)." >&2
  exit 1
fi

apt-get update
apt-get install -y --no-install-recommends ca-certificates curl xz-utils git
apt-get install -y --no-install-recommends bubblewrap util-linux || echo "bubblewrap is not available: sandboxes run without it" >&2

download="$(mktemp -d)"
trap 'rm -rf "$download"' EXIT
curl --fail --silent --show-error --location --retry 3 -o "$download/$NODE_TARBALL" "$NODE_DIST/v$NODE_VERSION/$NODE_TARBALL"
if ! echo "$NODE_SHA256  $download/$NODE_TARBALL" | sha256sum --check --status -; then
  echo "relu-lab setup: $NODE_TARBALL does not match its published SHA-256 ($NODE_SHA256): not installed." >&2
  echo "Download it again; if it still differs, check nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt." >&2
  exit 1
fi
rm -rf "$NODE_PREFIX"
mkdir -p "$NODE_PREFIX"
tar -xJf "$download/$NODE_TARBALL" -C "$NODE_PREFIX" --strip-components=1 --no-same-owner
export PATH="$NODE_PREFIX/bin:$PATH"

installed="$(node --version)"
if [ "$installed" != "v$NODE_VERSION" ]; then
  echo "relu-lab setup: expected Node v$NODE_VERSION at $NODE_PREFIX, found $installed." >&2
  exit 1
fi

cd "$RELU_LAB"
npm ci --no-audit --no-fund
# builds the compiled CLI into node_modules/.cache and says which sandbox layers this image gives
node bin/relu-lab.mjs doctor || echo "relu-lab doctor reported a problem (see above); grading may be slower or less isolated" >&2
chmod +x "$RELU_LAB/templates/run_autograder"
echo "relu-lab setup: Node $installed at $NODE_PREFIX, packages installed in $RELU_LAB"
