#!/usr/bin/env bash
# Mutation testing of the simulation code with Stryker.NET (README, "Mutation testing").
#
# Mutates src/UcgSim.Core/Simulation/*.cs and src/UcgSim.Core/Agents/*.cs and runs the model and validation
# tests (tests/UcgSim.Tests/Model, tests/UcgSim.Tests/Validation) against each mutant; settings are in
# tests/UcgSim.Tests/stryker-config.json. Stryker itself is a local tool pinned in .config/dotnet-tools.json
# and restored here when missing. The report goes to results/mutation-<yyyyMMdd-HHmmss>/reports/ and the
# last line printed is the mutation score.
#
# Arguments are passed on to Stryker, and on the command line they replace the config file's setting, e.g.
#   scripts/mutation-test.sh --mutate "**/Agents/Donors.cs"      # one file only (a trial run)
#   scripts/mutation-test.sh --concurrency 2                      # two test runs at once
#
# UCGSIM_TEST_REPLICATES_SCALE (default 0.5) scales the tests' replicate counts down: see
# tests/UcgSim.Tests/Model/ReplicateScale.cs for why that keeps the assertions meaningful.
# Everything runs under nice -n 19: a full run takes hours on two cores (README).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export UCGSIM_TEST_REPLICATES_SCALE=${UCGSIM_TEST_REPLICATES_SCALE:-0.5}
# Lets the JIT optimize the assembly Stryker compiles (src/UcgSim.Core/UcgSim.Core.csproj says why).
export UCGSIM_MUTATION_TESTING=true

if ! dotnet tool run dotnet-stryker -- --help >/dev/null 2>&1; then
  dotnet tool restore
fi

out="$root/results/mutation-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
log="$out/stryker.log"
echo "Stryker.NET, replicate scale $UCGSIM_TEST_REPLICATES_SCALE, output in $out"

cd "$root/tests/UcgSim.Tests"
set +e
nice -n 19 dotnet tool run dotnet-stryker --skip-version-check --output "$out" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

score=$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -Eo 'final mutation score is [0-9.]+ ?%' | tail -1 | grep -Eo '[0-9.]+ ?%' || true)
echo "Report: $out/reports/mutation-report.html"
if [ -n "$score" ]; then
  echo "Mutation score: $score"
else
  echo "Mutation score: none (Stryker exited with $status before scoring; see $log)" >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
