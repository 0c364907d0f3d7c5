#!/usr/bin/env bash
# The project's one test command (the README's): build everything with zero warnings, then run every test project.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build Marketplace.sln -c Release -nologo -v quiet -warnaserror
log="$(mktemp)"
status=0
dotnet test Marketplace.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# Name the failed tests last, so the tail of a CI log says what broke.
if grep -qE '^ +Failed [A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_.]+' "$log"; then
  echo "Failed tests:"
  grep -E '^ +Failed [A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_.]+' "$log" | sed -E 's/^ +/  /' | sort -u
  # With each one's message and the top of its stack (the console logger prints them under the test's line).
  echo "Why they failed:"
  awk '/^ +Failed [A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_.]+/ { n = 14; print; next }
       /^ +(Passed|Skipped) / { n = 0 } n > 0 && !/^(info|warn|fail|dbug|trce|crit): / { print; n-- }' "$log" | cut -c1-300
fi
# Then one closing line for the whole suite: "N passed, N failed, N skipped".
awk '/^ +Passed: +[0-9]+ *$/ { p += $2 } /^ +Failed: +[0-9]+ *$/ { f += $2 } /^ +Skipped: +[0-9]+ *$/ { s += $2 }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
