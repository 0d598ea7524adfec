"""Every JSON document the server writes, against the schema the server's own OpenAPI document gives for it.

The server is started on a free port on the real content; /api/assess is asked for each workload of the expert review
set (Tests/AdvisorTests/Fixtures/review-set.json) plus edge cases, priced on each usage fixture uploaded and on a
link's usage profile, and every other JSON route once. Each answer is
validated with jsonschema (Draft 2020-12, the dialect of OpenAPI 3.1) against the response schema of its path, so a
key the engine writes that the document does not describe (the schemas say additionalProperties: false), or a value
outside a documented closed set, fails here. Run by Tests/machines/run.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import jsonschema
from referencing import Registry
from referencing.jsonschema import DRAFT202012

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TODAY = "2026-12-02"

# Workloads beyond the review set that reach the rarer keys: latency budgets, reasoning effort, self-hosting,
# batch with caching, a request nothing holds, a cost-first good fit (quality margin), a required strong fit.
EXTRA = [
    {"task_type": "chat", "monthly_requests": 200000, "avg_input_tokens": 90000, "avg_output_tokens": 600,
     "latency_budget_s": 1.5, "cached_input_share": 0.6},
    {"task_type": "extraction", "monthly_requests": 5000000, "avg_input_tokens": 2000, "avg_output_tokens": 300,
     "cost_priority": "primary", "latency": "batch", "cached_input_share": 0.8, "reasoning_effort": "high"},
    {"task_type": "classification", "monthly_requests": 100000000, "avg_input_tokens": 300, "avg_output_tokens": 5,
     "peak_to_average": 5, "can_self_host": True},
    {"task_type": "rag", "monthly_requests": 10, "avg_input_tokens": 900000, "avg_output_tokens": 1000},
    {"task_type": "extraction", "monthly_requests": 40000, "avg_input_tokens": 1500, "avg_output_tokens": 200,
     "cost_priority": "primary", "required_fit": "strong"},
    {"task_type": "autonomous_coding", "monthly_requests": 3000, "avg_input_tokens": 20000, "avg_output_tokens": 2000,
     "as_of": "2026-06-15", "reasoning_effort": "none"},
    # The routing plan: honoured, honoured over a policy (routing does not pay back), and set aside.
    {"task_type": "classification", "monthly_requests": 3000000, "avg_input_tokens": 1500, "avg_output_tokens": 20,
     "complex_share": 0.1, "accuracy": "first_time_right", "review_capacity": "sampled", "fallback_ready": True,
     "routing": "tiered"},
    {"task_type": "chat", "monthly_requests": 3000, "complex_share": 0.15, "cost_priority": "secondary",
     "routing": "tiered"},
    {"task_type": "summarization", "monthly_requests": 500000, "complex_share": 0, "routing": "tiered"},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(base: str, path: str, query: dict | None = None):
    """The JSON answer; an HTTP error becomes an exception whose text is the server's error body."""
    url = base + path + ("?" + urllib.parse.urlencode(query) if query else "")
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{error.code} from {url}: {error.read().decode()[:300]}") from None


def post_usage(base: str, path: str, fields: dict, filename: str) -> dict:
    """POST a usage file as multipart/form-data (the field `usage`) with answers as the other fields."""
    boundary = "openapiCheckBoundary"
    body = b""
    for name, value in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    with open(filename, "rb") as f:
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="usage"; filename="{os.path.basename(filename)}"'
                 '\r\nContent-Type: application/octet-stream\r\n\r\n').encode() + f.read() + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(base + path, data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{error.code} from POST {path}: {error.read().decode()[:300]}") from None


def query_of(answers: dict) -> dict:
    return {k: ("true" if v is True else "false" if v is False else v) for k, v in answers.items()}


def check(binary: str, content: str) -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as work:
        port = free_port()
        server = subprocess.Popen(
            [binary, "serve", "--port", str(port), "--content", content, "--db", os.path.join(work, "index.db"),
             "--templates", os.path.join(ROOT, "templates"), "--public", os.path.join(ROOT, "public"),
             "--today", TODAY], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=2)
                    break
                except OSError:
                    if server.poll() is not None:
                        return [f"server exited: {server.stderr.read().decode()}"]
                    time.sleep(0.1)
            document = get(base, "/api/openapi.json")
            registry = Registry().with_resource("urn:openapi", DRAFT202012.create_resource(document))

            def validate(path: str, value, label: str, method: str = "get"):
                schema = document["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
                rooted = json.loads(json.dumps(schema).replace('"#/components', '"urn:openapi#/components'))
                validator = jsonschema.Draft202012Validator(rooted, registry=registry)
                for error in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))[:5]:
                    where = "/".join(map(str, error.absolute_path))
                    problems.append(f"{label}: {where}: {error.message[:300]} (schema {'/'.join(map(str, error.absolute_schema_path))})")

            cases = json.load(open(os.path.join(ROOT, "Tests/AdvisorTests/Fixtures/review-set.json")))
            workloads = [(c["name"], c["answers"]) for c in cases] + [(f"extra {i}", a) for i, a in enumerate(EXTRA)]
            for name, answers in workloads:
                answers = {"as_of": TODAY, **answers}
                try:
                    validate("/api/assess", get(base, "/api/assess", query_of(answers)), f"/api/assess ({name})")
                except RuntimeError as error:
                    problems.append(f"/api/assess ({name}): {error}")
            # Priced on imported usage: every format uploaded, and the profile a result link carries.
            fixtures = os.path.join(ROOT, "Tests/UsageTests/Fixtures")
            for name in ["usage.csv", "anthropic-usage-1m.json", "openai-usage-1m.json", "otlp-spans.json"]:
                fields = {"as_of": TODAY, "task_type": "extraction", "monthly_requests": 450000}
                if name == "usage.csv":
                    del fields["monthly_requests"]
                try:
                    uploaded = post_usage(base, "/api/assess", fields, os.path.join(fixtures, name))
                    validate("/api/assess", uploaded, f"POST /api/assess ({name})", method="post")
                    if "summary" not in uploaded.get("usage", {}):
                        problems.append(f"POST /api/assess ({name}): no usage.summary")
                except RuntimeError as error:
                    problems.append(f"POST /api/assess ({name}): {error}")
            linked = {"as_of": TODAY, "task_type": "chat", "usage": "1-135000-0-15000-500_99-135000-15000-0-500"}
            validate("/api/assess", get(base, "/api/assess", linked), "/api/assess (usage=)")
            validate("/api/search", get(base, "/api/search", {"q": "rate limit 429"}), "/api/search")
            pages = get(base, "/api/pages")
            validate("/api/pages", pages, "/api/pages")
            # Every page, not one model page: criteria and failure modes carry front matter of their own (policies,
            # exposures) that a schema written from one model page rejected on 13 of 117 pages.
            for page in pages:
                url = f"/api/pages/{page['section']}/{page['slug']}"
                validate("/api/pages/{section}/{slug}", get(base, url), url)
            validate("/api/models", get(base, "/api/models"), "/api/models")
            validate("/api/questionnaire", get(base, "/api/questionnaire"), "/api/questionnaire")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return problems


if __name__ == "__main__":
    found = check(sys.argv[1], sys.argv[2])
    for problem in found:
        print("openapi_check:", problem)
    print(f"openapi_check: {'ok' if not found else f'{len(found)} problems'}")
    sys.exit(1 if found else 0)
