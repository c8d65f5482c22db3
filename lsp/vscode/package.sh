#!/usr/bin/env bash
# Builds the VS Code extension from a clean install: the locked dependencies,
# the TypeScript (compiled by both npm test and npm run package), the tests,
# then out/triggerlang-<version>.vsix. .ci/run runs it; test.sh runs the tests
# again to count them.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --no-audit --no-fund
npm test
npm run package
