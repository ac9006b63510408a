#!/usr/bin/env python3
"""Validates SARIF logs against the official SARIF 2.1.0 JSON schema (OASIS), plus the cross-references
the schema cannot express: ruleId/ruleIndex agree with tool.driver.rules, regions are 1-based and ordered,
artifact URIs are percent-encoded relative references.

usage: validate_sarif.py SCHEMA LOG.sarif [LOG.sarif ...]
"""
import json
import re
import sys

import jsonschema

URI_REFERENCE = re.compile(r"^[A-Za-z0-9\-._~/%:?#\[\]@!$&'()*+,;=]*$")


def extra_checks(log):
    problems = []
    for r, run in enumerate(log.get("runs") or []):
        rules = [rule["id"] for rule in run["tool"]["driver"].get("rules", [])]
        if len(rules) != len(set(rules)):
            problems.append(f"runs[{r}]: duplicate rule ids {rules}")
        for i, result in enumerate(run.get("results") or []):
            where = f"runs[{r}].results[{i}]"
            rule_id, index = result.get("ruleId"), result.get("ruleIndex")
            if rule_id not in rules:
                problems.append(f"{where}: ruleId {rule_id!r} is not in tool.driver.rules")
            elif index is not None and rules[index] != rule_id:
                problems.append(f"{where}: ruleIndex {index} names {rules[index]!r}, not {rule_id!r}")
            if not result.get("message", {}).get("text"):
                problems.append(f"{where}: empty message")
            for k, loc in enumerate(result.get("locations", [])):
                phys = loc.get("physicalLocation", {})
                uri = phys.get("artifactLocation", {}).get("uri", "")
                if not uri or not URI_REFERENCE.match(uri):
                    problems.append(f"{where}.locations[{k}]: uri {uri!r} is not a percent-encoded URI reference")
                reg = phys.get("region", {})
                sl, sc = reg.get("startLine", 1), reg.get("startColumn", 1)
                el, ec = reg.get("endLine", sl), reg.get("endColumn", sc + 1)
                if (el, ec) <= (sl, sc) and not (el == sl and ec == sc):
                    problems.append(f"{where}.locations[{k}]: region ends before it starts: {reg}")
    return problems


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    failed = False
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
        problems = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors] + extra_checks(log)
        results = sum(len(run.get("results") or []) for run in log.get("runs") or [])
        if problems:
            failed = True
            print(f"INVALID {path} ({results} results)")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"valid   {path} ({results} results, schema {validator_class.__name__})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
