"""`haiku-advisor mcp` driven by the official Python MCP client (PyPI `mcp`, pinned in the Makefile's test-deps).

Starts the server over stdio, initializes, lists the tools and checks their input schemas against
/api/questionnaire's questions (run through `haiku-advisor assess --json`'s sibling, the questionnaire the content
declares), calls every tool, reads a page resource, and checks that bad arguments come back as tool errors naming
the argument. Run by Tests/machines/run.
"""
import asyncio
import json
import os
import subprocess
import time
import sys
import tempfile

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

failures: list[str] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        failures.append(message)


def text_of(result) -> str:
    return "\n".join(block.text for block in result.content if getattr(block, "type", "") == "text")


async def drive(binary: str, content: str, repo: str) -> None:
    params = StdioServerParameters(command=binary, args=["mcp", "--content", content], cwd=repo)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            check(init.server_info.name == "haiku-advisor", f"server name: {init.server_info.name}")
            check(init.capabilities.tools is not None and init.capabilities.resources is not None,
                  "tools and resources capabilities")

            tools = {tool.name: tool for tool in (await session.list_tools()).tools}
            check(sorted(tools) == ["assess", "get_page", "list_models", "price", "scan", "search"],
                  f"tools: {sorted(tools)}")

            # The schemas follow the questionnaire the content declares.
            assess_schema = tools["assess"].input_schema
            properties = assess_schema["properties"]
            check("task_type" in properties and "monthly_requests" in properties, "assess takes the answers")
            check("classification" in properties["task_type"]["enum"], "task_type lists its options")
            check(properties["monthly_requests"]["type"] == "integer" and properties["monthly_requests"]["minimum"] == 0,
                  f"monthly_requests schema: {properties['monthly_requests']}")
            check(properties["cached_input_share"]["maximum"] == 1, "shares are 0..1")
            check("claude-haiku-5-5" in properties["tokens_counted_with"]["enum"], "model answers list the model pages")
            check(assess_schema.get("additionalProperties") is False, "unknown answers are refused")
            price_properties = set(tools["price"].input_schema["properties"])
            check("monthly_requests" in price_properties and "task_type" not in price_properties,
                  f"price takes the pricing questions only: {sorted(price_properties)}")
            check("as_of" in tools["list_models"].input_schema["properties"], "list_models takes as_of")

            # Every tool, called.
            assess = await session.call_tool("assess", {"task_type": "classification", "monthly_requests": 3000000,
                                                        "as_of": "2026-11-28"})
            check(not assess.is_error, f"assess failed: {text_of(assess)}")
            check(assess.structured_content["verdict"] in ("choose_haiku", "tiered_routing", "choose_alternative"),
                  "assess returns a verdict")
            check(len(assess.structured_content["costs"]) > 5, "assess prices every model")
            check("/assess/result?" in text_of(assess) and "task_type=classification" in text_of(assess),
                  "assess links to the result page")
            check("Verdict: " in text_of(assess), "assess says the verdict in words")
            check("No model can take" not in text_of(assess), "an ordinary verdict says nothing of models that cannot")
            # A cheaper model the verdict could not use is named with why, in the text and in the document.
            billion = await session.call_tool("assess", {"task_type": "classification", "monthly_requests": 1000000000,
                                                         "avg_input_tokens": 300, "avg_output_tokens": 2, "latency": "batch",
                                                         "accuracy": "tolerant", "cost_priority": "primary", "as_of": "2026-12-05"})
            passed = billion.structured_content["decision"]["passed_over"]
            check(passed and passed[0]["model"] == "cohere-command-r7b", f"a billion classifications pass over R7B: {passed}")
            check("Cheaper, passed over: cohere-command-r7b at $11,550 a month: its published rate limits cannot carry the peak"
                  in text_of(billion), f"the text says why: {text_of(billion)[:400]}")
            # A legacy alternative is named as one, as the page's badges say.
            rag = await session.call_tool("assess", {"task_type": "rag", "monthly_requests": 5000000, "avg_input_tokens": 6000,
                                                     "avg_output_tokens": 400, "complex_share": 0.3, "accuracy": "reviewed",
                                                     "as_of": "2026-12-05"})
            check("alternatives: gemini-3-8-flash (legacy), claude-sonnet-4-6 (legacy), gpt-6-2-sol" in text_of(rag),
                  f"assess names legacy alternatives as such: {text_of(rag)[:300]}")
            # A request no window holds: the words say so under the verdict, not only in the warnings.
            too_long = await session.call_tool("assess", {"task_type": "rag", "monthly_requests": 1000,
                                                          "avg_input_tokens": 1200000, "avg_output_tokens": 1000,
                                                          "as_of": "2026-11-28"})
            check(too_long.structured_content["primary_model_basis"] == "nothing_fits", "1.2M-token prompts fit nowhere")
            check("No model can take this request" in text_of(too_long),
                  f"assess says no model can take it: {text_of(too_long)[:300]}")

            # A usage export: the workload read from it, priced request by request, the answers given still winning.
            usage = await session.call_tool("assess", {"usage_file": USAGE_CSV, "task_type": "classification",
                                                       "as_of": "2026-12-02"})
            check(not usage.is_error, f"assess with usage_file failed: {text_of(usage)[:300]}")
            summary = usage.structured_content["usage"]["summary"]
            check(summary["observed_requests"] == 1230 and summary["format"] == "csv", f"the CSV was read: {summary}")
            check(usage.structured_content["usage"]["comparison"]["current_model"] == "claude-haiku-5-5",
                  "the traffic's current model is priced against the recommendation")
            check("requests in the file: 1,230" in text_of(usage) and "&usage=" in text_of(usage),
                  f"the text starts with the import and the link carries the distribution: {text_of(usage)[:400]}")
            check(usage.structured_content["assumptions"] == [a for a in usage.structured_content["assumptions"]
                                                              if a["answer"] != "monthly_requests"],
                  "the monthly requests come from the file, not a default")
            # Every model of the file is read, as `assess --usage` reads it: 30 % of the traffic on a GPT-5 nano retired
            # the day before is the first warning (the tool had passed the busiest model alone).
            # Outside the repository the scan below reads.
            mixed = os.path.join(tempfile.mkdtemp(prefix="haiku-mcp-usage-"), "mixed-usage.csv")
            with open(mixed, "w") as f:
                f.write("timestamp,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n")
                for i in range(500):
                    model = "gpt-5-nano-2025-08-07" if i % 10 < 3 else "claude-haiku-5-5"
                    f.write(f"{1793577600 + i * 600},{model},3000,300,0,0\n")
            shares = await session.call_tool("assess", {"usage_file": mixed, "task_type": "summarization", "as_of": "2026-12-11"})
            first = (shares.structured_content or {}).get("warnings", [{}])[0]
            check(not shares.is_error and first.get("model") == "gpt-5-nano" and "fail now" in first.get("text", ""),
                  f"the MCP tool warns of the file's other models: {first}")
            bad = await session.call_tool("assess", {"usage_file": "no-such-usage.csv"})
            check(bad.is_error is True and "usage_file" in text_of(bad) and "cannot read" in text_of(bad),
                  f"missing usage file: {text_of(bad)}")
            bad = await session.call_tool("assess", {"usage_file": "app.py"})
            check(bad.is_error is True and "usage_file" in text_of(bad), f"not a usage export: {text_of(bad)}")

            price = await session.call_tool("price", {"monthly_requests": 1000000, "avg_input_tokens": 2000,
                                                      "avg_output_tokens": 300, "as_of": "2026-11-28"})
            costs = price.structured_content["costs"]
            check(not price.is_error and len(costs) > 5, "price returns costs on every model")
            usable = [c["monthly_usd"] for c in costs
                      if c["fits"] and c["status"]["state"] not in ("retired", "unreleased")]
            check(usable == sorted(usable) and usable == [c["monthly_usd"] for c in costs[:len(usable)]],
                  "usable models first, cheapest first")

            shutdown = await session.call_tool("price", {"monthly_requests": 1000, "avg_input_tokens": 150000,
                                                         "avg_output_tokens": 10, "as_of": "2026-12-04"})
            check("- GPT-5 nano: $7.98 a month [deprecated, retires 2026-12-10]" in text_of(shutdown),
                  f"a model about to shut down says when: {text_of(shutdown)[:500]}")

            search = await session.call_tool("search", {"query": "429 rate limit", "limit": 3})
            check(not search.is_error and search.structured_content["results"], "search finds pages")
            check(any(r["url"].startswith("/failure-modes/rate-limits") for r in search.structured_content["results"]),
                  "search finds the rate-limit page")

            page = await session.call_tool("get_page", {"page": "/models/claude-haiku-5-5"})
            check(not page.is_error and text_of(page).startswith("# Claude Haiku 5.5\n"), "get_page returns Markdown")
            check("| model.prices.input | 0.10 |" in text_of(page), "get_page has the figures table")

            models = await session.call_tool("list_models", {"as_of": "2026-12-02"})
            by_slug = {m["slug"]: m for m in models.structured_content["models"]}
            check(by_slug["claude-sonnet-4-5"]["status"]["state"] == "retired", "Sonnet 4.5 retired on 2026-12-02")
            check(by_slug["claude-haiku-5-5"]["status"]["state"] == "active", "Haiku 5.5 active")

            scan = await session.call_tool("scan", {"paths": ["."], "as_of": "2026-12-02"})
            check(not scan.is_error, f"scan failed: {text_of(scan)}")
            findings = scan.structured_content["findings"]
            check([f["id"] for f in findings] == ["claude-3-5-haiku-20241022"], f"scan findings: {findings}")
            check("app.py:1:10: error:" in text_of(scan), "scan reports path:line:col")

            # Pages are resources.
            resources = (await session.list_resources()).resources
            uris = [str(r.uri) for r in resources]
            check("haiku-advisor://models/claude-haiku-5-5" in uris, f"page resources: {uris[:3]}")
            read = await session.read_resource("haiku-advisor://guides/tiered-routing")
            check(read.contents[0].text.startswith("# "), "a resource reads as Markdown")

            # Bad arguments: tool errors that name the argument.
            bad = await session.call_tool("assess", {"monthly_requests": -5})
            check(bad.is_error is True and "monthly_requests" in text_of(bad), f"bad number: {text_of(bad)}")
            bad = await session.call_tool("assess", {"task_type": "poetry"})
            check(bad.is_error is True and "task_type" in text_of(bad), f"bad choice: {text_of(bad)}")
            bad = await session.call_tool("price", {"task_type": "chat"})
            check(bad.is_error is True and "task_type" in text_of(bad), f"price with a non-price answer: {text_of(bad)}")
            bad = await session.call_tool("get_page", {"page": "/models/no-such-model"})
            check(bad.is_error is True and "no page at" in text_of(bad), f"unknown page: {text_of(bad)}")
            bad = await session.call_tool("scan", {"paths": ["no-such-folder"]})
            check(bad.is_error is True and "no-such-folder" in text_of(bad), f"missing path: {text_of(bad)}")


def piped(binary: str, content: str) -> None:
    """A client that writes its requests and closes its end at once (a shell pipe, a CI step): every request is
    answered before the server exits, and malformed messages get JSON-RPC's own errors with the id they had."""
    lines = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "pipe", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
         "params": {"name": "assess", "arguments": {"task_type": "chat", "monthly_requests": 123456}}},
        {"jsonrpc": "2.0", "id": "three", "method": "tools/call", "params": {"name": "list_models", "arguments": {}}},
        {"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "assess", "arguments": [1]}},
        {"jsonrpc": "2.0", "id": 5},
        # An id the SDK cannot read: refused at once, not waited for at the end of input.
        {"jsonrpc": "2.0", "id": 1.5, "method": "tools/call", "params": {"name": "list_models", "arguments": {}}},
        # Params the SDK cannot decode were Internal errors (-32603): invalid params, each saying what is wrong.
        {"jsonrpc": "2.0", "id": 11, "method": "resources/read", "params": {"uri": 5}},
        {"jsonrpc": "2.0", "id": 12, "method": "tools/list", "params": 5},
        {"jsonrpc": "2.0", "id": 13, "method": "resources/list", "params": {"cursor": 5}},
        {"jsonrpc": "2.0", "id": 14, "method": "tools/call",
         "params": {"name": "list_models", "arguments": {}, "_meta": 5}},
        # A notification is never answered, however bad its params; an unknown method is -32601 whatever its params.
        {"jsonrpc": "2.0", "method": "resources/read", "params": {}},
        {"jsonrpc": "2.0", "method": "tools/call", "params": {"name": 5}},
        {"jsonrpc": "2.0", "id": 15, "method": "no/such", "params": 5},
        # A whole number spelled as a fraction is answered as the whole number, and counted answered: the end of
        # input waited its full minute for "16.0".
        {"jsonrpc": "2.0", "id": 16.0, "method": "ping"},
    ]
    # Members given twice, which json.dumps cannot write: an id (answered as 1 by the SDK while the end of input
    # waited a minute for 2) and a tool argument (the web refuses a repeated answer).
    doubled = ['{"jsonrpc": "2.0", "id": 6, "id": 7, "method": "ping"}',
               # A tool named by a number, a message without its version, a request whose id is null.
               '{"jsonrpc": "2.0", "id": 9, "method": "tools/call", "params": {"name": 5}}',
               '{"id": 10, "method": "tools/list"}',
               '{"jsonrpc": "2.0", "id": null, "method": "tools/list"}',
               # A boolean id was read as 1 or 0 by the screen and then dropped by the SDK: never answered.
               '{"jsonrpc": "2.0", "id": true, "method": "ping"}',
               '{"jsonrpc": "2.0", "id": 8, "method": "tools/call", "params": {"name": "assess", '
               '"arguments": {"task_type": "chat", "task_type": "rag"}}}',
               # JSON the screen's first reader cannot hold (a number past a double, a lone surrogate): answered under
               # its id, where "Parse error" with a null id left the client waiting.
               '{"jsonrpc": "2.0", "id": 17, "method": "tools/call", "params": {"name": "assess", '
               '"arguments": {"monthly_requests": 1e309}}}',
               '{"jsonrpc": "2.0", "id": 18, "method": "tools/call", "params": {"name": "search", '
               '"arguments": {"query": "\\ud800"}}}',
               # A batch with a member that is not an object: refused with id null (not an id made up) and under the
               # id of each request in it, which would otherwise wait for ever.
               '[{"jsonrpc": "2.0", "id": 19, "method": "ping"}, 5]']
    text = "\n".join([json.dumps(line) for line in lines] + doubled) + "\nnot json\n[]\n"
    started = time.monotonic()
    run = subprocess.run([binary, "mcp", "--content", content], input=text.encode(), capture_output=True, timeout=120)
    check(time.monotonic() - started < 30, f"piped mcp took {time.monotonic() - started:.1f} s to finish")
    check(run.returncode == 0, f"piped mcp exit status {run.returncode}: {run.stderr.decode()[-300:]}")
    answers = [json.loads(line) for line in run.stdout.decode().splitlines() if line.strip()]
    by_id = {json.dumps(a.get("id")): a for a in answers if a.get("id") is not None}
    check(set(by_id) == {"1", "2", '"three"', "4", "5", "1.5", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"},
          f"piped answers: {sorted(by_id)}")
    check(by_id.get("17", {}).get("error", {}).get("code") == -32602
          and "1e309" in by_id.get("17", {}).get("error", {}).get("message", ""), f"a number past a double: {by_id.get('17')}")
    check(by_id.get("19", {}).get("error", {}).get("code") == -32600
          and "batch member 1" in by_id.get("19", {}).get("error", {}).get("message", ""),
          f"a request in a refused batch is answered under its id: {by_id.get('19')}")
    check(by_id.get("18", {}).get("error", {}).get("code") == -32600
          and "lone surrogate" in by_id.get("18", {}).get("error", {}).get("message", ""), f"a lone surrogate: {by_id.get('18')}")
    check(by_id.get("15", {}).get("error", {}).get("code") == -32601, f"an unknown method: {by_id.get('15')}")
    for key, word in [("11", "uri"), ("12", "params"), ("13", "cursor"), ("14", "_meta")]:
        got = by_id.get(key, {}).get("error", {})
        check(got.get("code") == -32602 and word in got.get("message", ""), f"invalid params ({word}): {by_id.get(key)}")
    check(by_id.get("9", {}).get("error", {}).get("code") == -32602, f"a tool named by a number: {by_id.get('9')}")
    check(by_id.get("10", {}).get("error", {}).get("code") == -32600
          and "jsonrpc" in by_id.get("10", {}).get("error", {}).get("message", ""), f"no version: {by_id.get('10')}")
    check(by_id.get("8", {}).get("error", {}).get("code") == -32602
          and "`task_type` is given twice" in by_id.get("8", {}).get("error", {}).get("message", ""),
          f"a repeated argument: {by_id.get('8')}")
    check(by_id.get("1.5", {}).get("error", {}).get("code") == -32600, f"a fractional id: {by_id.get('1.5')}")
    assessed = by_id.get("2", {}).get("result", {})
    check(assessed.get("isError") is not True and "Verdict:" in json.dumps(assessed),
          f"the assessment still working when input ended is answered: {json.dumps(assessed)[:200]}")
    check(by_id.get("4", {}).get("error", {}).get("code") == -32602
          and "arguments" in by_id.get("4", {}).get("error", {}).get("message", ""),
          f"array arguments: {by_id.get('4')}")
    check(by_id.get("5", {}).get("error", {}).get("code") == -32600, f"a message with no method: {by_id.get('5')}")
    unmatched = [a for a in answers if a.get("id") is None]
    check(sorted(a["error"]["code"] for a in unmatched) == [-32700, -32600, -32600, -32600, -32600, -32600],
          f"a line that is not JSON, a repeated id, a null id, a boolean id, an empty batch and a batch with a "
          f"member that is not an object get id null: {unmatched}")
    check(any("batch member 1 is not an object" in a["error"].get("message", "") for a in unmatched), f"a bad batch: {unmatched}")
    check(any("`id` is given twice" in a["error"].get("message", "") for a in unmatched), f"a repeated id: {unmatched}")


def shared_ids(binary: str, content: str) -> None:
    """Two requests sent back to back with one id: both are answered (the second may be refused while the first runs),
    where one of the two was lost in 4 runs of 25."""
    for _ in range(5):
        lines = [{"jsonrpc": "2.0", "id": 1, "method": "initialize",
                  "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "pipe", "version": "1"}}},
                 {"jsonrpc": "2.0", "method": "notifications/initialized"}]
        lines += [{"jsonrpc": "2.0", "id": "dup", "method": "tools/call",
                   "params": {"name": "search", "arguments": {"query": word}}} for word in ("haiku", "rate limits")]
        run = subprocess.run([binary, "mcp", "--content", content], input=("\n".join(map(json.dumps, lines)) + "\n").encode(),
                             capture_output=True, timeout=60)
        answers = [json.loads(line) for line in run.stdout.decode().splitlines() if line.strip()]
        dup = [a for a in answers if a.get("id") == "dup"]
        check(len(dup) == 2 and any("result" in a for a in dup), f"two requests sharing an id: {[list(a) for a in dup]}")
        refused = [a for a in dup if "error" in a]
        check(all(a["error"]["code"] == -32600 and "still in use" in a["error"]["message"] for a in refused), f"{refused}")


def long_line(binary: str, content: str) -> None:
    """One 8 MB line between two pings: refused at once with id null, and the requests around it answered, where
    the SDK's reader took 40 s over 4 MB (time grew with the square of the line) and answered nothing meanwhile. The
    last line has no newline: it is answered too."""
    head = [{"jsonrpc": "2.0", "id": 1, "method": "initialize",
             "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "pipe", "version": "1"}}},
            {"jsonrpc": "2.0", "method": "notifications/initialized"},
            {"jsonrpc": "2.0", "id": 2, "method": "ping"}]
    huge = '{"jsonrpc": "2.0", "id": 3, "method": "ping", "params": {"x": "' + "x" * 8_000_000 + '"}}'
    text = "\n".join([json.dumps(line) for line in head] + [huge, json.dumps({"jsonrpc": "2.0", "id": 4, "method": "ping"})])
    started = time.monotonic()
    run = subprocess.run([binary, "mcp", "--content", content], input=text.encode(), capture_output=True, timeout=120)
    took = time.monotonic() - started
    check(took < 10, f"an 8 MB line took {took:.1f} s")
    answers = [json.loads(line) for line in run.stdout.decode().splitlines() if line.strip()]
    check(sorted(a["id"] for a in answers if a.get("id") is not None) == [1, 2, 4], f"answers around a long line: {answers}")
    refused = [a for a in answers if a.get("id") is None]
    check(len(refused) == 1 and refused[0]["error"]["code"] == -32600 and "over the 1048576 bytes" in refused[0]["error"]["message"],
          f"a long line is refused: {refused}")


USAGE_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "UsageTests", "Fixtures", "usage.csv")


def main() -> int:
    binary, content = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as repo:
        with open(os.path.join(repo, "app.py"), "w") as f:
            f.write('MODEL = "claude-3-5-haiku-20241022"\n')
        asyncio.run(asyncio.wait_for(drive(binary, content, repo), timeout=120))
    piped(binary, content)
    shared_ids(binary, content)
    long_line(binary, content)
    for failure in failures:
        print("FAIL mcp:", failure)
    print("mcp: every check passed" if not failures else f"mcp: {len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
