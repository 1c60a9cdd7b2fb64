#!/usr/bin/env bash
# Builds FerretDB v1.24.2 into .tools/ once. `go install …@v1.24.2` does not work here: the module
# proxy refuses the deprecation look-up and the module zip lacks build/version/version.txt, so the
# binary would panic at start. Building from a writable copy of the module source works.
#
# One line of the source is patched (docs/architecture.md, "FerretDB's `_id` index"): its SQLite
# backend indexes `_id` as `_ferretdb_sjson->"_id"` but filters on `_ferretdb_sjson->'$._id'`, an
# expression SQLite does not match to that index, so every look-up, update and delete by `_id`
# scanned the collection (an update ~50 ms at 1,000 orders, growing with the collection). Filtering on
# `->'_id'` (the same value) lets SQLite use the index; existing data folders keep working.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v1.24.2
bin=.tools/ferretdb
patched=.tools/ferretdb.id-index-patch
# The version is read whole into a variable: piping it into `head` or `grep -q`, which stop reading
# early, can kill the writer with SIGPIPE, and pipefail turns that into a failed install.
built_version() { "$bin" --version 2>/dev/null || true; }
if [ -x "$bin" ] && [ -f "$patched" ] && [[ "$(built_version)" == *"version: $version"* ]]; then
  echo "FerretDB $version already built at $bin"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "Go is not installed: skipping the FerretDB build (set MONGODB_URI to use your own MongoDB)." >&2
  exit 0
fi
echo "Building FerretDB $version (a few minutes on a cold Go cache)…"
export GOFLAGS=-mod=mod GOTOOLCHAIN=local
src=$(go mod download -json "github.com/FerretDB/FerretDB@$version" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))')
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -r "$src" "$work/ferretdb"
chmod -R u+w "$work/ferretdb"
printf '%s' "$version" > "$work/ferretdb/build/version/version.txt"
metadata="$work/ferretdb/internal/backends/sqlite/metadata/metadata.go"
sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \"->'_id'\"|" "$metadata"
if ! grep -qF "IDColumn = DefaultColumn + \"->'_id'\"" "$metadata"; then
  echo "Could not patch FerretDB's _id column in $metadata" >&2
  exit 1
fi
mkdir -p .tools
rm -f "$patched"
(cd "$work/ferretdb" && go build -trimpath -o "$OLDPWD/$bin" ./cmd/ferretdb)
if [[ "$(built_version)" != *"version: $version"* ]]; then
  echo "The FerretDB build at $bin does not report $version" >&2
  exit 1
fi
touch "$patched"
echo "FerretDB $version built at $bin"
