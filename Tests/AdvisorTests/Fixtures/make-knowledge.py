#!/usr/bin/env python3
"""Regenerates knowledge.json (beside this script) from the real content, for the AdvisorTests.

usage: python3 Tests/AdvisorTests/Fixtures/make-knowledge.py [CONTENT_DIR]

The Advisor target has no YAML reader, so its tests read the engine's inputs as JSON: the `engine:` block of
criteria/_index.md, and the `criterion:` / `model:` / `failure_mode:` blocks of every page with its slug and
title. Run it after editing content/criteria, content/models or content/failure-modes; the test
`fixtureMatchesContent` is not possible without YAML, so a stale fixture shows up as workload tests that
disagree with the pages.
"""
import datetime
import json
import os
import sys

import yaml

here = os.path.dirname(os.path.abspath(__file__))
content = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "content")


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    assert lines[0].strip() == "---", f"{path}: no front matter"
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    return yaml.safe_load("\n".join(lines[1:end]))


def pages(section, block):
    folder = os.path.join(content, section)
    result = []
    if not os.path.isdir(folder):
        return result
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md") or name.startswith("_"):
            continue
        meta = front_matter(os.path.join(folder, name))
        if block in meta:
            entry = {"slug": name[:-3], "title": meta["title"], "spec": meta[block]}
            if block == "model":
                entry["sources"] = meta.get("sources", [])
            result.append(entry)
    return result


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value)}")


knowledge = {
    "settings": front_matter(os.path.join(content, "criteria", "_index.md"))["engine"],
    "criteria": pages("criteria", "criterion"),
    "models": pages("models", "model"),
    "failureModes": pages("failure-modes", "failure_mode"),
}
out = os.path.join(here, "knowledge.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(knowledge, f, indent=1, sort_keys=True, default=plain)
    f.write("\n")
print(f"wrote {out}: {len(knowledge['criteria'])} criteria, {len(knowledge['models'])} models, "
      f"{len(knowledge['failureModes'])} failure modes")
