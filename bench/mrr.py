#!/usr/bin/env python3
"""Mean reciprocal rank of the search quality set against a running haiku-advisor.

    bench/mrr.py http://127.0.0.1:PORT [Tests/SearchTests/Fixtures/queries.tsv]

Each line of the set is `query<TAB>expected<TAB>kind`, expected being `/section/slug` or `/section/slug#anchor`
(then the page must show that section). A query scores 1/rank of its page among the first 10 results, 0 if absent.
"""
import json
import sys
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
path = sys.argv[2] if len(sys.argv) > 2 else "Tests/SearchTests/Fixtures/queries.tsv"
cases = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip() and not line.startswith("#")]
total, top3, by_kind = 0.0, 0, {}
for query, expected, kind in cases:
    page, _, anchor = expected.partition("#")
    with urllib.request.urlopen(f"{base}/api/search?" + urllib.parse.urlencode({"q": query, "limit": 10})) as reply:
        hits = json.load(reply)["results"]
    rank = next((i + 1 for i, hit in enumerate(hits)
                 if hit["url"].split("#")[0] == page
                 and (not anchor or any(u.endswith("#" + anchor) for u in [hit["url"]] + [m["url"] for m in hit.get("more", [])]))),
                None)
    score = 1 / rank if rank else 0.0
    total += score
    top3 += bool(rank and rank <= 3)
    by_kind.setdefault(kind, []).append(score)
kinds = ", ".join(f"{kind} {sum(s) / len(s):.2f}" for kind, s in sorted(by_kind.items()))
print(f"search quality: mean reciprocal rank {total / len(cases):.3f} over {len(cases)} queries "
      f"({top3} with the page in the top three); by kind: {kinds}")
