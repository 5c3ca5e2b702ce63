#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-node.sh
npm ci --no-audit --no-fund
npm run build
npm run lint
npm run typecheck
npm test
