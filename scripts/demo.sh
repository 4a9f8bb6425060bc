#!/usr/bin/env bash
# One command for a new user: install what is missing, build, index corpus/, run the sample query.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
rm -rf build/demo.db   # a few dozen articles: rebuilding is instant and survives schema changes
build/bin/telusur-index --db build/demo.db corpus/
echo
echo "\$ telusur-query --db build/demo.db tentara Korut Kursk"
build/bin/telusur-query --db build/demo.db --limit 5 tentara Korut Kursk
