#!/usr/bin/env python3
"""Writes the usage-import fixtures: one workload, four file formats.

Two hours of traffic from 2026-11-02T00:00Z: ten requests a minute plus a burst of 40 in minute 60. In 10 of the
120 minutes (8 %) every request carries a 150,000-token prompt, above Claude Haiku 5.5's 100,000-token long-context
threshold; the rest carry 20,000 tokens, 15,000 of them read from the cache. Every request writes 500 output
tokens. Minute 7 of every 20 runs on Claude Sonnet 4.5 (retired 2026-11-30), the rest on Claude Haiku 5.5.

The OTLP/JSON file is written by the OpenTelemetry Python SDK's own encoder (`encode_spans`, then protobuf's
`MessageToJson`), so the reader is tested against what the real tool produces. Run it with a Python that has
`opentelemetry-sdk` and `opentelemetry-exporter-otlp-proto-common`:

    python3 -m venv /tmp/otel && /tmp/otel/bin/pip install opentelemetry-sdk opentelemetry-exporter-otlp-proto-common
    /tmp/otel/bin/python Tests/UsageTests/Fixtures/make-fixtures.py

The files it writes are committed, so `make test` needs none of these packages.
"""
import datetime
import json
import os

from google.protobuf.json_format import MessageToJson
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

HERE = os.path.dirname(os.path.abspath(__file__))
START = datetime.datetime(2026, 11, 2, tzinfo=datetime.timezone.utc)
MINUTES = 120
LONG_MINUTES = {i for i in range(MINUTES) if i % 25 in (0, 1)}
HAIKU, SONNET = "claude-haiku-5-5", "claude-sonnet-4-5-20250929"
OPENAI_MODEL = "gpt-5-mini-2025-08-07"


def requests():
    """(second offset, model, uncached input, cache read, cache write, output) for every request."""
    out = []
    for minute in range(MINUTES):
        count = 40 if minute == 60 else 10
        model = SONNET if minute % 20 == 7 else HAIKU
        for n in range(count):
            second = minute * 60 + (n * 60) // count
            if minute in LONG_MINUTES:
                out.append((second, model, 135_000, 15_000, 0, 500))
            else:
                out.append((second, model, 5_000, 15_000, 0, 500))
    # The very first request writes the cached prefix instead of reading it.
    s, m, u, r, w, o = out[0]
    out[0] = (s, m, u, 0, r, o)
    return out


def iso(seconds):
    return (START + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def write(name, text):
    with open(os.path.join(HERE, name), "w") as f:
        f.write(text)


def by_minute_and_model(reqs):
    buckets = {}
    for second, model, u, r, w, o in reqs:
        b = buckets.setdefault(second // 60, {}).setdefault(model, [0, 0, 0, 0, 0])
        for i, v in enumerate((1, u, r, w, o)):
            b[i] += v
    return buckets


def csv_file(reqs):
    lines = ["timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens"]
    for second, model, u, r, w, o in reqs:
        lines.append(f"{iso(second)},{model},{u},{o},{r},{w}")
    write("usage.csv", "\n".join(lines) + "\n")


def anthropic_file(reqs):
    """The Admin API's messages usage report, 1-minute buckets grouped by model, in two pages (as paginated)."""
    buckets = by_minute_and_model(reqs)
    data = []
    for minute in range(MINUTES):
        results = []
        for model, (n, u, r, w, o) in sorted(buckets.get(minute, {}).items()):
            results.append({
                "uncached_input_tokens": u, "cache_creation": {"ephemeral_1h_input_tokens": 0, "ephemeral_5m_input_tokens": w},
                "cache_read_input_tokens": r, "output_tokens": o, "server_tool_use": {"web_search_requests": 0},
                "api_key_id": None, "workspace_id": None, "model": model, "service_tier": None, "context_window": None,
                "inference_geo": None, "speed": None})
        data.append({"starting_at": iso(minute * 60), "ending_at": iso(minute * 60 + 60), "results": results})
    pages = [{"data": data[:60], "has_more": True, "next_page": "page_2"},
             {"data": data[60:], "has_more": False, "next_page": None}]
    write("anthropic-usage-1m.json", json.dumps(pages, indent=2) + "\n")


def openai_file(reqs):
    """The usage API's completions page, 1-minute buckets grouped by model; input_tokens includes cached ones."""
    buckets = by_minute_and_model([(s, OPENAI_MODEL, u, r, w, o) for s, m, u, r, w, o in reqs])
    start = int(START.timestamp())
    data = []
    for minute in range(MINUTES):
        results = []
        for model, (n, u, r, w, o) in sorted(buckets.get(minute, {}).items()):
            results.append({
                "object": "organization.usage.completions.result", "input_tokens": u + r + w, "output_tokens": o,
                "input_cached_tokens": r, "input_audio_tokens": 0, "output_audio_tokens": 0, "num_model_requests": n,
                "project_id": None, "user_id": None, "api_key_id": None, "model": model, "batch": None})
        data.append({"object": "bucket", "start_time": start + minute * 60, "end_time": start + minute * 60 + 60,
                     "results": results})
    write("openai-usage-1m.json", json.dumps({"object": "page", "data": data, "has_more": False, "next_page": None}, indent=2) + "\n")


def otlp_file(reqs):
    exporter = InMemorySpanExporter()
    provider = TracerProvider(resource=Resource.create({"service.name": "support-bot"}))
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("haiku-advisor-fixture")
    base = int(START.timestamp()) * 1_000_000_000
    for second, model, u, r, w, o in reqs:
        begin = base + second * 1_000_000_000
        # Every tenth request has a parent span without token usage: not a model call, so the reader must skip it.
        parent = tracer.start_span("POST /chat", start_time=begin) if second % 10 == 0 else None
        span = tracer.start_span(f"chat {model}", start_time=begin + 1_000_000, attributes={
            "gen_ai.operation.name": "chat", "gen_ai.provider.name": "anthropic", "gen_ai.request.model": model,
            "gen_ai.usage.input_tokens": u + r + w, "gen_ai.usage.output_tokens": o,
            "gen_ai.usage.cache_read.input_tokens": r, "gen_ai.usage.cache_creation.input_tokens": w})
        span.end(end_time=begin + 900_000_000)
        if parent:
            parent.end(end_time=begin + 950_000_000)
    write("otlp-spans.json", MessageToJson(encode_spans(exporter.get_finished_spans()), indent=None) + "\n")


if __name__ == "__main__":
    reqs = requests()
    csv_file(reqs)
    anthropic_file(reqs)
    openai_file(reqs)
    otlp_file(reqs)
