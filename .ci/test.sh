#!/usr/bin/env bash
# The project's one test command (the README's): build everything with zero warnings, then run every test project.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build Marketplace.slnx -c Release -nologo -v quiet -warnaserror
dotnet test Marketplace.slnx -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
