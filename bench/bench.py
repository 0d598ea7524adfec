#!/usr/bin/env python3
"""make bench: every kind of page as a ratio to a static page, measured in one run (see bench/README.md).

Run through bench/run, which installs wrk first. Everything is measured against servers this script
starts on 127.0.0.1 and stops again; every load is bounded in time. Writes bench/results.txt.
"""
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
WORK = os.path.join(BENCH, ".work")
BIN = os.environ.get("HAIKU_BIN", os.path.join(ROOT, ".build/release/haiku-advisor"))
DURATION = os.environ.get("BENCH_DURATION", "5s")
WARMUP = os.environ.get("BENCH_WARMUP", "1s")
CORPUS_PAGES = int(os.environ.get("BENCH_CORPUS_PAGES", "10000"))
STATIC_PATH = "/guides/monitoring"

# The targets of issue 14, as (workload, ratio to the static page, p99 at 16 connections in ms).
TARGETS = {
    "api/assess": (0.25, 10.0),
    "assess/result": (0.10, 10.0),
    "api/search": (0.15, 10.0),
    "search": (0.10, 10.0),
}

SERVERS = []


def log(*args):
    print("bench:", *args, file=sys.stderr, flush=True)


def stop_servers():
    for proc in SERVERS:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in SERVERS:
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start_haiku(content, db, extra=()):
    """Starts `serve --port 0`; returns (process, base URL, seconds until it announced its port)."""
    started = time.monotonic()
    # The server's stderr is kept: libmicrohttpd says there why it drops a connection (what wrk counts as a socket
    # error), and the report lists those lines.
    errors = open(os.path.join(WORK, f"serve-{len(SERVERS)}.stderr"), "w")
    proc = subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", "0", "--content", content,
                             "--db", db, *extra], cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True)
    SERVERS.append(proc)
    line = proc.stdout.readline()
    match = re.match(r"listening on (http://127\.0\.0\.1:\d+)", line)
    if not match:
        raise SystemExit(f"bench: haiku-advisor did not start: {line!r}")
    return proc, match.group(1), time.monotonic() - started


def server_messages():
    """libmicrohttpd's own complaints in the servers' stderr, each once with its count."""
    counts = {}
    for name in sorted(os.listdir(WORK)):
        if name.startswith("serve-") and name.endswith(".stderr"):
            with open(os.path.join(WORK, name), errors="replace") as f:
                for line in f:
                    if line.startswith("libmicrohttpd:"):
                        counts[line.strip()] = counts.get(line.strip(), 0) + 1
    return [f"server: {line} ({n}x)" for line, n in sorted(counts.items(), key=lambda kv: -kv[1])[:5]]


def memory_mib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read()


# ------------------------------------------------------------------------------------------------ rotating inputs

def answer_sets(base, count, seed=8):
    """`count` different, valid answer sets drawn from /api/questionnaire (seeded: the same every run)."""
    rng = random.Random(seed)
    questions = json.loads(get(base + "/api/questionnaire")[1])["questions"]
    sets = []
    for _ in range(count):
        pairs = []
        # A system prompt's length and a cached share say the same thing; the engine refuses both together
        # (conflicting_answers), so a set gives one of them at most.
        skip = rng.choice(["system_prompt_tokens", "cached_input_share"])
        for q in questions:
            if q["id"] in ("as_of", skip) or rng.random() < 0.25:
                continue
            if q["kind"] in ("choice", "model"):
                value = rng.choice(q["options"])["value"]
            elif q["kind"] == "boolean":
                value = rng.choice(["true", "false"])
            elif q["kind"] == "integer":
                value = str(int(10 ** rng.uniform(0, min(7.5, __import__("math").log10(max(q["max"], 10))))))
            else:
                top = q["max"]
                value = f"{rng.uniform(q.get('min', 0), min(top, 1 if top <= 1 else 400)):.3g}"
            pairs.append((q["id"], value))
        # The input contains the system prompt: a longer system prompt is refused, so it is cut to the input.
        given = dict(pairs)
        if "system_prompt_tokens" in given:
            top = given.get("avg_input_tokens", str(next(q["default"] for q in questions if q["id"] == "avg_input_tokens")))
            if int(given["system_prompt_tokens"]) > int(top):
                pairs = [(k, top if k == "system_prompt_tokens" else v) for k, v in pairs]
        sets.append(urllib.parse.urlencode(pairs))
    return sets


QUERIES = [
    "rate limits", "429", "prompt caching", "hallucination", "halucination", "overloaded", "529 overloaded",
    "empty response", "latency", "timeout", "cost", "how do I cut my bill", "batch api", "haiku 5.5", "haiku4.5",
    "gpt-4o-mini", "ratelimit", "tiered routing", "self-hosting", "llama", "json error", "malformed json",
    "tool use", "ssl errors", "retry backoff", "spend limit", "tokenizer", "long context", "context window",
    "migration", "deprecated", "retirement", "sonnet 5.5", "opus", "gemini flash", "mistral", "cohere",
    "deepseek", "classification", "extraction", "summarization", "moderation", "rag", "code completion",
    "autonomous coding", "review", "monitoring", "fallback provider", "outage", "status page", "bedrock",
    "vertex", "cache minimum", "thinking tokens", "effort", "temperature", "prefill", "price cliff",
    "quality degradation", "is haiku good at coding",
]


def write_paths(name, paths):
    path = os.path.join(WORK, name + ".paths")
    with open(path, "w") as f:
        f.write("\n".join(paths) + "\n")
    return path


ROTATE_LUA = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local i = 0
setup = function(thread) thread:set("offset", math.random(#paths)) end
init = function(args) i = tonumber(offset) or 0 end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def drained(port, limit=10.0):
    """Waits (at most `limit` s) until the server holds no connection its client has closed (CLOSE_WAIT, state 08 in
    /proc/net/tcp): requests queued on the last load's connections are still being answered when wrk exits, and
    those connections count against the server's 200 per address, so the next load's extra ones were refused (the
    "read" socket errors of earlier runs)."""
    deadline = time.monotonic() + limit
    local = f":{port:04X}"
    while time.monotonic() < deadline:
        waiting = 0
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                with open(table) as f:
                    rows = [line.split() for line in f][1:]
            except OSError:
                continue
            waiting += sum(1 for row in rows if row[1].endswith(local) and row[3] == "08")
        if waiting == 0:
            return
        time.sleep(0.05)


def wrk(base, paths_file, connections, duration=DURATION):
    """Runs wrk over the rotating paths; returns (req/s, p50 ms, p99 ms, problems)."""
    script = os.path.join(WORK, "rotate.lua")
    if not os.path.exists(script):
        with open(script, "w") as f:
            f.write(ROTATE_LUA)
    env = dict(os.environ, BENCH_PATHS=paths_file)
    threads = str(min(2, connections))
    port = int(base.rsplit(":", 1)[1])
    drained(port)
    subprocess.run(["wrk", "-t", threads, "-c", str(connections), "-d", WARMUP, "-s", script, base],
                   env=env, capture_output=True, text=True)
    drained(port)
    out = subprocess.run(["wrk", "-t", threads, "-c", str(connections), "-d", duration, "--latency", "-s", script, base],
                         env=env, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        if not m:
            return float("nan")
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    problems = []
    for pattern in (r"Socket errors: [^\n]+", r"Non-2xx or 3xx responses: \d+"):
        m = re.search(pattern, out)
        if m:
            problems.append(m.group(0))
    return rps, percentile(50), percentile(99), problems


# ------------------------------------------------------------------------------------------------ the corpus

WORDS = ("rate limit retry backoff latency cost cache prompt token model haiku sonnet opus batch queue request "
         "response error timeout budget review monitoring alert fallback provider region context window output "
         "input price month volume throughput classification extraction summary routing escalation evaluation "
         "dataset quality regression incident outage status header spend tier deployment migration").split()


def real_page_sizes():
    """The byte size of every real content page, and the longest guide's."""
    sizes, longest_guide = [], 0
    for section in os.listdir(os.path.join(ROOT, "content")):
        folder = os.path.join(ROOT, "content", section)
        for name in os.listdir(folder):
            if name.endswith(".md") and name != "_index.md":
                size = os.path.getsize(os.path.join(folder, name))
                sizes.append(size)
                if section == "guides":
                    longest_guide = max(longest_guide, size)
    return sizes, longest_guide


def generated_page(rng, n, size):
    """A guide of about `size` bytes: a title, then sections of paragraphs, as the real guides are built."""
    title = f"Generated guide {n}: {rng.choice(WORDS)} and {rng.choice(WORDS)}"
    head = (f"---\ntitle: \"{title}\"\nsummary: \"A generated page for the benchmark.\"\n"
            f"updated: \"2026-11-28\"\n---\n")
    body, length, s = [], len(head), 0
    while length < size:
        if s == 0 or rng.random() < 0.25:
            heading = f"## {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {s}\n"
            body.append(heading)
            length += len(heading) + 1
            s += 1
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 60))).capitalize() + ".\n"
        body.append(paragraph[:max(40, size - length)] if length + len(paragraph) > size + 200 else paragraph)
        length += len(body[-1]) + 1
    return head + "\n".join(body)


def make_corpus(pages):
    """The real content plus `pages` generated guides whose sizes are drawn from the real pages' sizes, up to the
    longest guide. Returns (directory, the generated pages' total MB, their texts for the bare FTS5 fill)."""
    corpus = os.path.join(WORK, "corpus")
    shutil.copytree(os.path.join(ROOT, "content"), corpus)
    sizes, longest = real_page_sizes()
    sizes = [min(size, longest) for size in sizes]
    rng = random.Random(10)
    texts = []
    for n in range(pages):
        text = generated_page(rng, n, rng.choice(sizes))
        texts.append(text)
        with open(os.path.join(corpus, "guides", f"generated-{n:05d}.md"), "w") as f:
            f.write(text)
    texts = []
    for folder, _, names in os.walk(corpus):
        for name in sorted(names):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                texts.append(f.read())
    return corpus, sum(len(t.encode()) for t in texts) / 1e6, texts


def bare_fts5(texts, path):
    """A bare FTS5 table filled with the same text in one transaction: the reference for `index`.
    Returns (seconds, connection)."""
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    started = time.monotonic()
    db.execute("BEGIN")
    db.execute("CREATE VIRTUAL TABLE bare USING fts5(body)")
    db.executemany("INSERT INTO bare(body) VALUES (?)", ((t,) for t in texts))
    db.execute("COMMIT")
    return time.monotonic() - started, db


def bare_top10_ms(db, words, rounds=5):
    """The median time of a bare FTS5 top-10 query (bm25 order) for each word, in ms."""
    times = []
    for _ in range(rounds):
        for word in words:
            started = time.perf_counter()
            db.execute("SELECT rowid FROM bare WHERE bare MATCH ? ORDER BY rank LIMIT 10", (f'"{word}"',)).fetchall()
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2]


def run_measured(args):
    """Runs a command to completion; returns (seconds, peak RSS MiB, stdout)."""
    started = time.monotonic()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0.0
    while proc.poll() is None:
        try:
            peak = max(peak, memory_mib(proc.pid, "VmHWM"))
        except (FileNotFoundError, ProcessLookupError):
            pass
        time.sleep(0.05)
    out = proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed:\n{out}")
    return time.monotonic() - started, peak, out


# ------------------------------------------------------------------------------------------------ main

def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    notes, problems = [], []
    haiku, base, _ = start_haiku("content", os.path.join(WORK, "serve.db"))
    log("server", base)

    sets = answer_sets(base, 600)
    workloads = {
        "static page": write_paths("static", [STATIC_PATH]),
        "api/assess": write_paths("api-assess", ["/api/assess?" + q for q in sets]),
        "assess/result": write_paths("result", ["/assess/result?" + q for q in sets]),
        "api/search": write_paths("api-search", ["/api/search?q=" + urllib.parse.quote_plus(q) for q in QUERIES]),
        "search": write_paths("search", ["/search?q=" + urllib.parse.quote_plus(q) for q in QUERIES]),
    }
    # Every input must be a real request: an answer refused with a 400 would measure the error path.
    for name, path in workloads.items():
        with open(path) as f:
            for line in f:
                status, _ = get(base + line.strip())
                if status != 200:
                    problems.append(f"{name}: {line.strip()} answered {status}")

    results = {}
    for name, path in workloads.items():
        log("load", name)
        rps, _, _, p64 = wrk(base, path, 64)
        _, p50_16, p99_16, p16 = wrk(base, path, 16)
        _, p50_128, p99_128, p128 = wrk(base, path, 128)
        results[name] = (rps, p50_16, p99_16, p50_128, p99_128)
        problems += [f"{name}: {p}" for p in p64 + p16 + p128]
    static = results["static page"][0]

    quality = subprocess.run([sys.executable, os.path.join(BENCH, "mrr.py"), base,
                              os.path.join(ROOT, "Tests/SearchTests/Fixtures/queries.tsv")],
                             capture_output=True, text=True).stdout.strip()
    serve_rss = memory_mib(haiku.pid, "VmHWM")
    haiku.send_signal(signal.SIGTERM)
    haiku.wait(timeout=60)

    # The 10,000-page corpus: `index` next to a bare FTS5 fill of the same text, start-up on a current index and
    # after one page changed, broad searches at 1 connection (next to a bare FTS5 top-10 query) and at 32, and the
    # resident memory after them.
    log(f"corpus of {CORPUS_PAGES} generated pages")
    corpus, corpus_mb, texts = make_corpus(CORPUS_PAGES)
    corpus_db = os.path.join(WORK, "corpus.db")
    index_s, index_mib, index_out = run_measured([BIN, "index", "--content", corpus, "--db", corpus_db])
    bare_s, bare = bare_fts5(texts, os.path.join(WORK, "bare.db"))
    del texts
    big, big_base, ready_s = start_haiku(corpus, corpus_db)
    broad_words = WORDS[:40]
    broad = write_paths("broad", ["/api/search?q=" + w for w in broad_words])
    _, one_p50, one_p99, one_problems = wrk(big_base, broad, 1)
    _, broad_p50, broad_p99, broad_problems = wrk(big_base, broad, 32)
    problems += [f"corpus search: {p}" for p in one_problems + broad_problems]
    big_rss = memory_mib(big.pid)
    big.send_signal(signal.SIGTERM)
    big.wait(timeout=60)
    bare_ms = bare_top10_ms(bare, broad_words)
    bare.close()
    # One page changed: serve re-indexes and starts.
    with open(os.path.join(corpus, "guides", "generated-00000.md"), "a") as f:
        f.write("\nOne more paragraph about a changed page.\n")
    changed, _, changed_s = start_haiku(corpus, corpus_db)
    changed.send_signal(signal.SIGTERM)
    changed.wait(timeout=60)

    # ---------------------------------------------------------------------------------------------- report
    lines = [f"haiku-advisor benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
             f"{os.uname().machine}, {os.cpu_count()} cores; wrk on the same cores; loads of {DURATION} after {WARMUP}",
             f"inputs rotate: 600 answer sets, {len(QUERIES)} queries; no response cache", "",
             f"{'workload':<16}{'req/s @64':>11}{'ratio':>8}{'target':>8}{'p50/p99 @16 ms':>17}"
             f"{'p50/p99 @128 ms':>17}{'result':>8}"]
    verdicts = []
    for name, (rps, p50_16, p99_16, p50_128, p99_128) in results.items():
        ratio = rps / static if static else 0
        target = TARGETS.get(name)
        if name == "static page":
            ok = p99_128 < 5
            target_text = "p99<5"
        else:
            ok = ratio >= target[0] and p99_16 < target[1]
            target_text = f">={target[0]:.2f}"
        verdicts.append(ok)
        lines.append(f"{name:<16}{rps:>11.0f}{ratio:>8.3f}{target_text:>8}{p50_16:>8.2f}/{p99_16:<8.2f}"
                     f"{p50_128:>8.2f}/{p99_128:<8.2f}{'PASS' if ok else 'FAIL':>8}")
    speed = re.search(r"([\d.]+) MB/s", index_out)
    index_ok = index_s <= 2 * bare_s
    ready_ok, changed_ok, rss_ok = ready_s < 1, changed_s < 2, big_rss < 150
    one_ok = one_p50 <= 3 * bare_ms + 1
    lines += ["", f"{CORPUS_PAGES:,}-page corpus: {CORPUS_PAGES + len(real_page_sizes()[0]):,} pages, {corpus_mb:.1f} MB "
                  f"of Markdown (sizes drawn from the real pages', up to the longest guide)",
              f"  index                 {index_s:6.2f} s  ({speed.group(1) + ' MB/s, ' if speed else ''}peak {index_mib:.0f} MiB)"
              f"   bare FTS5 fill {bare_s:.2f} s   target <= 2x   {'PASS' if index_ok else 'FAIL'}",
              f"  serve, current index  {ready_s:6.2f} s to ready                      target < 1 s   {'PASS' if ready_ok else 'FAIL'}",
              f"  serve, 1 page changed {changed_s:6.2f} s to ready                      target < 2 s   {'PASS' if changed_ok else 'FAIL'}",
              f"  broad search @1       p50/p99 {one_p50:.2f}/{one_p99:.2f} ms   bare FTS5 top-10 {bare_ms:.2f} ms   "
              f"target p50 <= 3x + 1 ms   {'PASS' if one_ok else 'FAIL'}",
              f"  broad search @32      p50/p99 {broad_p50:.2f}/{broad_p99:.2f} ms",
              f"  resident after the searches {big_rss:.0f} MiB                   target < 150 MiB   {'PASS' if rss_ok else 'FAIL'}",
              "", f"memory: the server on the real content peaked at {serve_rss:.0f} MiB (VmHWM)"]
    verdicts += [index_ok, ready_ok, changed_ok, one_ok, rss_ok]
    lines += ["", quality] if quality else []
    lines += notes
    problems += server_messages()
    lines += ["", "problems:" if problems else "problems: none"] + [f"  - {p}" for p in problems]
    report = "\n".join(lines)
    print(report)
    with open(os.path.join(BENCH, "results.txt"), "w") as f:
        f.write(report + "\n")


if __name__ == "__main__":
    try:
        main()
    finally:
        stop_servers()
