#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what the build needs, checks the formatting,
# runs every test, then the smoke job. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

echo "== lint (swift format, .swift-format)"
swift format lint --strict --recursive Sources Tests Package.swift

echo "== build"
swift build --build-tests

echo "== tests (swift test)"
swift test --skip-build

echo "== smoke (the real binary against the fixture server)"
scripts/smoke.sh
