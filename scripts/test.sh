#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-node.sh
source scripts/require-chromium.sh
npm ci --no-audit --no-fund
npm run lint
npm run typecheck
npm test -- --reporter=default --reporter=json --outputFile=.test-results.json
# One plain summary line ("N passed, N failed") for tools that read test output.
node -e 'const r = require("./.test-results.json"); console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)'
