"""An exported evaluation plan run by inspect-ai (PyPI `inspect-ai`, pinned in the Makefile's test-deps), offline.

Starts `haiku-advisor serve --port 0`, downloads the plan (`/assess/result.eval.py`) and its samples template for
three task types (exact match, field match, model-graded), and runs each plan's task through Inspect on a few
samples. Inspect's own `mockllm` provider downloads a tokenizer on first use and this machine has no network, so
a small canned-answer provider is registered through Inspect's `@modelapi` extension point: "canned/good" answers
every sample right, "canned/bad" gets half of them wrong, and as a grader it passes answers that contain the target.
Checks that each scorer tells the two apart, that the plan's own error_rates and pass_rule work on the logs, and
that the pass rule refuses too few samples. Run by Tests/machines/run.
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

from inspect_ai import eval as inspect_eval
from inspect_ai.model import GenerateConfig, ModelAPI, ModelOutput, modelapi

failures: list[str] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        failures.append(message)


# input -> the right answer; "bad" answers every second one wrong.
SAMPLES = {
    "classification": [("Refund my order please", "billing"), ("The app crashes on start", "technical"),
                       ("What are your opening hours?", "general"), ("I was charged twice", "billing")],
    "extraction": [("Invoice 17 from ACME, due 2027-01-31", '{"vendor": "ACME", "due": "2027-01-31"}'),
                   ("Bill from Globex, due 2027-02-28", '{"vendor": "Globex", "due": "2027-02-28"}'),
                   ("Initech invoice due 2027-03-31", '{"vendor": "Initech", "due": "2027-03-31"}'),
                   ("Umbrella Corp, due 2027-04-30", '{"vendor": "Umbrella", "due": "2027-04-30"}')],
    "summarization": [("Long text about outages", "mentions the outage"), ("Long text about prices", "mentions the price"),
                      ("Long text about limits", "mentions the limit"), ("Long text about caching", "mentions the cache")],
}
ANSWERS = {inp: target for rows in SAMPLES.values() for inp, target in rows}


class Canned(ModelAPI):
    """Answers from the table above; never touches the network."""

    def __init__(self, model_name, base_url=None, api_key=None, api_key_vars=[], config=GenerateConfig(), **kw):
        super().__init__(model_name, base_url, api_key, api_key_vars, config)
        self.calls = 0

    async def generate(self, input, tools, tool_choice, config):
        prompt = input[-1].text
        if self.model_name == "grader":
            # model_graded_qa's prompt holds the answer and the criterion: pass it when the answer meets it.
            good = any(t in prompt and f"[Submission]: {t}" in prompt for t in ANSWERS.values()) or "ANSWER-OK" in prompt
            return ModelOutput.from_content(model=self.model_name, content="GRADE: C" if good else "GRADE: I")
        for index, (inp, target) in enumerate(ANSWERS.items()):
            if inp in prompt:
                wrong = self.model_name == "bad" and index % 2 == 1
                text = ("ANSWER-OK " + target) if not wrong and "mentions" in target else target
                if wrong:
                    text = '{"vendor": "nobody"}' if target.startswith("{") else "something else"
                return ModelOutput.from_content(model=self.model_name, content=text)
        return ModelOutput.from_content(model=self.model_name, content="no idea")


@modelapi(name="canned")
def canned():
    return Canned


def start(binary: str, repo: str):
    server = subprocess.Popen([binary, "serve", "--port", "0", "--db", ":memory:", "--today", "2026-12-02"],
                              cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    if "listening on" not in line:
        server.kill()
        raise SystemExit(f"the server did not start: {line}{server.stderr.read()}")
    return server, line.strip().split("listening on ")[1]


def fetch(base: str, path: str) -> str:
    with urllib.request.urlopen(base + path, timeout=30) as reply:
        return reply.read().decode("utf-8")


def run_plan(base: str, task_type: str, folder: str) -> None:
    query = f"task_type={task_type}&monthly_requests=200000&accuracy=reviewed"
    source = fetch(base, "/assess/result.eval.py?" + query)
    template = fetch(base, "/assess/result.samples.jsonl?" + query)
    path = os.path.join(folder, f"plan_{task_type}.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    for line in template.splitlines():
        sample = json.loads(line)
        check(set(sample) == {"id", "input", "target"}, f"{task_type}: template line {sample}")
    samples = os.path.join(folder, f"samples_{task_type}.jsonl")
    with open(samples, "w", encoding="utf-8") as f:
        for i, (inp, target) in enumerate(SAMPLES[task_type]):
            f.write(json.dumps({"id": str(i + 1), "input": inp, "target": target}) + "\n")

    spec = importlib.util.spec_from_file_location(f"plan_{task_type}", path)
    plan = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plan)
    check(plan.TASK_TYPE == task_type, f"{task_type}: TASK_TYPE {plan.TASK_TYPE}")
    check(plan.SAMPLES_NEEDED == 435 and plan.TOLERANCE == 0.05, f"{task_type}: {plan.SAMPLES_NEEDED} at {plan.TOLERANCE}")
    roles = set(plan.CANDIDATES)
    check({"recommended", "escalation model"} <= roles, f"{task_type}: candidates {plan.CANDIDATES}")
    check(all("/" in model for model in plan.CANDIDATES.values()), f"{task_type}: provider/model ids {plan.CANDIDATES}")

    logs = inspect_eval(plan.haiku_advisor_eval(samples=samples, grader="canned/grader"),
                        model=["canned/good", "canned/bad"], log_dir=os.path.join(folder, "logs"), display="none")
    rates = plan.error_rates(logs)
    check(rates == {"canned/good": 0.0, "canned/bad": 0.5}, f"{task_type}: error rates {rates}")

    ok, report = plan.pass_rule(rates, candidates={"recommended": "canned/good", "escalation model": "canned/bad"},
                                samples=plan.SAMPLES_NEEDED)
    check(ok and report[-1].startswith("PASS"), f"{task_type}: a good primary passes: {report}")
    ok, report = plan.pass_rule(rates, candidates={"recommended": "canned/bad", "escalation model": "canned/good"},
                                samples=plan.SAMPLES_NEEDED)
    check(not ok and any("more mistakes than you tolerate" in line for line in report), f"{task_type}: a bad primary fails: {report}")
    ok, report = plan.pass_rule(rates, candidates={"recommended": "canned/good", "escalation model": "canned/bad"},
                                samples=len(SAMPLES[task_type]))
    check(not ok and any("NOT ENOUGH SAMPLES" in line for line in report), f"{task_type}: too few samples: {report}")


def main() -> None:
    binary, content = sys.argv[1], sys.argv[2]
    repo = os.path.dirname(os.path.abspath(content))
    os.environ.setdefault("INSPECT_LOG_LEVEL", "warning")
    server, base = start(binary, repo)
    try:
        with tempfile.TemporaryDirectory() as folder:
            for task_type in ["classification", "extraction", "summarization"]:
                run_plan(base, task_type, folder)
    finally:
        server.terminate()
        server.wait(timeout=20)
    if failures:
        print("eval_check: FAILED\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("eval_check: an exported plan runs through inspect-ai offline for exact match, field match and a graded rubric")


if __name__ == "__main__":
    main()
