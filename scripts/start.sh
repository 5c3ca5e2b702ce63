#!/usr/bin/env bash
# Installs spravka's dependencies on a fresh Debian machine, builds it and starts the server on its
# embedded defaults (SQLite in ./data). With internet, it first downloads the default models that are
# missing (see docs/models.md); without, it starts with lexical search and extractive answers. The first
# start indexes spravka's own docs as a demo source.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-node.sh
npm ci --no-audit --no-fund
npm run build
exec node bin/spravka.js serve --pull-models "$@"
