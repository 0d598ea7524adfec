#!/usr/bin/env python3
"""Instructions per request, counted by valgrind's callgrind: a deterministic A/B for code changes.

On this VM the CPU time of identical runs varies by a quarter, more than most changes do, so `make bench` cannot
tell two builds apart. The count of user-space instructions a request executes does not vary (the kernel, the
network and wrk are not in it), so it can. It is not a speed figure: `make bench` is.

    bench/instructions.py [--bin PATH] [--requests N] [--keep DIR] [KIND ...]

KIND is one of static, api-assess, result, api-search, search (default: all). The requests are the bench's own
rotating inputs (bench/bench.py's answer sets and queries), sent one at a time over one connection to a server
started under callgrind on the real content; the count covers only those requests (`callgrind_control` switches
instrumentation on after a warm-up and dumps after the last). Needs valgrind (`apt-get install valgrind`). Valgrind
3.19 cannot read the DWARF 5 that Swift writes, so the binary is copied without its debug sections first.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import http.client

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the inputs and the server start-up are the bench's)

ROOT = bench.ROOT


def paths_for(kind, base, requests):
    if kind == "static":
        return [bench.STATIC_PATH] * requests
    if kind in ("api-assess", "result"):
        prefix = "/api/assess?" if kind == "api-assess" else "/assess/result?"
        return [prefix + q for q in bench.answer_sets(base, requests)]
    prefix = "/api/search?q=" if kind == "api-search" else "/search?q="
    queries = [prefix + urllib.parse.quote_plus(q) for q in bench.QUERIES]
    return (queries * (requests // len(queries) + 1))[:requests]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/haiku-advisor"))
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--keep", metavar="DIR", help="copy the callgrind dumps here (for callgrind_annotate)")
    parser.add_argument("kinds", nargs="*", default=["static", "api-assess", "result", "api-search", "search"])
    args = parser.parse_args()
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        sys.exit("instructions: valgrind is not installed (apt-get install valgrind)")
    work = tempfile.mkdtemp(prefix="haiku-instructions-")
    try:
        binary = os.path.join(work, "haiku-advisor")
        subprocess.run(["strip", "--strip-debug", "-o", binary, args.bin], check=True)
        db = os.path.join(work, "index.db")
        subprocess.run([binary, "index", "--content", os.path.join(ROOT, "content"), "--db", db],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = os.path.join(work, "callgrind.out")
        server = subprocess.Popen(["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                                   binary, "serve", "--host", "127.0.0.1", "--port", "0", "--content",
                                   os.path.join(ROOT, "content"), "--db", db],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            line = server.stdout.readline()
            if not line.startswith("listening on http://"):
                sys.exit(f"instructions: the server did not start under valgrind: {line!r}")
            base = line.split()[2]
            host, port = base.removeprefix("http://").split(":")
            connection = http.client.HTTPConnection(host, int(port), timeout=600)

            def send(paths):
                for path in paths:
                    connection.request("GET", path)
                    connection.getresponse().read()

            def control(*command):
                subprocess.run(["callgrind_control", *command, str(server.pid)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

            for kind in args.kinds:
                paths = paths_for(kind, base, args.requests)
                # First-use work (lazily built tables, each search connection's phrase row counts) is not a
                # request's: one round of the same inputs first, as the bench's rotating load is in its steady state.
                send(paths)
                before = set(glob.glob(out + "*"))
                control("--zero")
                control("--instr=on")
                send(paths)
                control("--dump")
                control("--instr=off")
                total = 0
                for dump in set(glob.glob(out + "*")) - before:
                    with open(dump, errors="replace") as f:
                        total += next((int(l.split()[1]) for l in f if l.startswith(("summary:", "totals:"))), 0)
                    if args.keep:
                        os.makedirs(args.keep, exist_ok=True)
                        shutil.copy(dump, os.path.join(args.keep, f"{kind}.{os.path.basename(dump)}"))
                print(f"{kind:11} {total / len(paths) / 1e6:8.3f} M instructions a request ({len(paths)} requests)",
                      flush=True)
        finally:
            server.terminate()
            server.wait(timeout=60)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
