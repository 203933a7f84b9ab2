#!/usr/bin/env bash
# buf lint (STANDARD) and buf breaking for the proto/ module of the git repository given (default: this one).
# Breaking is checked against HEAD when proto/ has uncommitted changes, else against the commit before
# HEAD: in CI the clone's HEAD is the change itself, so its parent is the previous commit of main.
set -euo pipefail
repo="$(cd "${1:-$(dirname "$0")/../..}" && pwd)"
buf="${BUF:-$(cd "$(dirname "$0")/../.." && pwd)/node_modules/.bin/buf}"
cd "$repo"
"$buf" lint proto
if [ -n "$(git status --porcelain -- proto)" ]; then against=HEAD; else against=HEAD~1; fi
if ! git cat-file -e "$against:proto/buf.yaml" 2>/dev/null; then
  echo "buf breaking: $against has no proto/ module (first commit of the schemas or a shallow clone); nothing to compare"
  exit 0
fi
"$buf" breaking proto --against ".git#ref=$against,subdir=proto"
echo "buf lint and buf breaking (against $against) passed"
