import Advisor
import Content

/// The evaluation plan: an Inspect AI task (PyPI `inspect-ai`) that runs the user's own samples through the
/// decision's options (DecisionOptions: the recommended model, the current Haiku, the runner-up, the escalation
/// model), with a scorer fitted to the task type, the number of samples that tells their error rates apart at the
/// user's tolerance (SampleSize, arithmetic written out) and the pass rule that would confirm the verdict.
/// `/assess/result.eval.py` and its samples template `/assess/result.samples.jsonl`.
///
/// Quality is the one thing the advisor cannot know for the user's data: most task-fit ratings are our judgement
/// (FitRating), so the plan is how a team turns the verdict into evidence.
struct EvaluationExport {
    let assessment: Assessment
    let answers: Answers
    let engine: Engine
    let library: ContentLibrary
    let links: ShareLinks
    let size: SampleSize
    let options: DecisionOptions
    /// The candidates as they run today (`runnable`): a link pinned to a past day still exports a plan that runs.
    let runs: [DecisionOptions.Option]
    /// One sentence per candidate that gave way to its replacement, or that nothing served today replaces.
    let substitutions: [String]

    /// nil when the content gives no evaluation settings.
    init?(assessment: Assessment, answers: Answers, engine: Engine, library: ContentLibrary, links: ShareLinks) {
        guard let size = engine.knowledge.sampleSize(for: answers) else { return nil }
        self.assessment = assessment
        self.answers = answers
        self.engine = engine
        self.library = library
        self.links = links
        self.size = size
        options = DecisionOptions(assessment, knowledge: engine.knowledge)
        (runs, substitutions) = Self.runnable(options.options, knowledge: engine.knowledge, judgedOn: assessment.asOf)
    }

    /// The plan is run today, whatever day the verdict was judged on: a candidate not served today (retired since,
    /// or not yet released) gives way to its page's replacement, followed until one is served. A candidate that
    /// nothing served replaces stays, and the sentence says it cannot be run today.
    static func runnable(_ options: [DecisionOptions.Option], knowledge: Knowledge,
                         judgedOn: String) -> ([DecisionOptions.Option], [String]) {
        let today = knowledge.today
        func served(_ slug: String) -> Bool { knowledge.isServed(slug, on: today) }
        var runs: [DecisionOptions.Option] = []
        var notes: [String] = []
        for option in options {
            var run = option
            if !served(option.slug) {
                var slug = option.slug
                var seen: Set<String> = [slug]
                while !served(slug), let next = knowledge.status(of: slug, on: today)?.replacement, seen.insert(next).inserted {
                    slug = next
                }
                let status = knowledge.status(of: option.slug, on: today)
                let why = status?.state == .retired ? "retired on \(status?.since ?? "")"
                    : "is not released until \(status?.since ?? "")"
                let roles = option.roles.map(\.rawValue).joined(separator: " and ")
                if served(slug), let entry = knowledge.model(slug) {
                    // The cost stays the judged day's line: the plan runs models, it does not price them.
                    run = DecisionOptions.Option(slug: slug, roles: option.roles, entry: entry, cost: option.cost)
                    notes.append("\(option.entry.title), the \(roles) on \(judgedOn), \(why); the plan runs its "
                                 + "replacement, \(entry.title), in its place.")
                } else {
                    notes.append("\(option.entry.title), the \(roles) on \(judgedOn), \(why), and no model served "
                                 + "today replaces it: its line will fail until you change it.")
                }
            }
            if let i = runs.firstIndex(where: { $0.slug == run.slug }) {
                runs[i].roles += run.roles
            } else {
                runs.append(run)
            }
        }
        return (runs, notes)
    }

    private var knowledge: Knowledge { engine.knowledge }
    private var task: String { answers[.taskType].text }

    /// How answers are scored, by task type: labels by exact match, extractions field by field, free text by a
    /// grader model against a rubric.
    enum ScorerKind { case exactMatch, fields, graded }

    var scorerKind: ScorerKind {
        switch task {
        case "classification", "moderation": .exactMatch
        case "extraction": .fields
        default: .graded
        }
    }

    // MARK: - The Python file

    func python() -> String {
        let form = QuestionnaireForm(knowledge: knowledge)
        let accuracy = form.label(answers[.accuracy], for: knowledge.question(.accuracy))
        let share = links.shareQuery(answers, knowledge: knowledge)
        let gradedBy = grader()
        var doc = "Evaluation plan for a workload of \(AnswerID.taskName(task)): "
            + "\(ResultView.workloadSummary(answers)).\n\n"
        doc += "Exported by haiku-advisor for the verdict judged on \(assessment.asOf) (content version \(links.contentVersion)):\n"
        doc += (links.exportBase.isEmpty ? "/assess/result?\(share) on a haiku-advisor server" : "\(links.exportBase)/assess/result?\(share)") + "\n"
        doc += "Verdict: \(ResultView.verdictLabel(assessment)); \(options.primaryRole): "
            + "\(options.first(.primary)?.entry.title ?? assessment.primaryModel).\n"
        for note in substitutions { doc += note + "\n" }
        if let fit = assessment.primaryFit { doc += fit.sentence + " This plan is how you find out.\n" }
        doc += """

            Put your own samples in samples.jsonl, one JSON object a line: "input" (what your users send), "target" \
            (\(targetMeaning)) and an optional "id". Start from the template beside this file (/assess/result.samples.jsonl).

                pip install inspect-ai anthropic openai google-genai   # and the SDK of any other provider below
                python haiku_eval.py samples.jsonl                      # runs every candidate, then checks the pass rule
                # or one model at a time:
                inspect eval haiku_eval.py --model \(modelID(runs[0])) -T samples=samples.jsonl

            Scorer: \(scorerText)

            How many samples: the standard two-proportion sample-size formula, per model, two-sided,
                n = (z(1-alpha/2)·√(2·p̄·(1-p̄)) + z(power)·√(p1·(1-p1) + p2·(1-p2)))² / (p2 - p1)²
            with p1 the error rate you tolerate ("\(accuracy)") and p2 = 2·p1, a model twice as wrong:

            """
        for line in size.lines { doc += "    " + line + "\n" }
        doc += """

            Pass rule that would confirm the verdict: on at least \(size.perModel) samples, the recommended model gets at \
            most \(Format.percent(size.tolerance)) wrong, and no more than \(Format.percent(size.tolerance)) more than the \
            escalation model. Otherwise the verdict is not confirmed: look at the runner-up and the escalation model's \
            rates, and at the cheaper options that pass.
            """
        var py = "\"\"\"" + docstring(doc) + "\n\"\"\"\n"
        py += Self.imports
        py += "# Inspect model ids (provider/model), from the content's API ids, by the role each model plays.\nCANDIDATES = {\n"
        for option in runs {
            for role in option.roles {
                py += "    \(pyString(role.rawValue)): \(pyString(modelID(option))),\(modelNote(option))\n"
            }
        }
        py += "}\n"
        py += "TASK_TYPE = \(pyString(task))\n"
        py += "TOLERANCE = \(Format.trimmed(size.tolerance, digits: 4))  # the share of wrong answers you accept (\(pyComment(accuracy)))\n"
        py += "SAMPLES_NEEDED = \(size.perModel)  # per model; see the arithmetic above\n"
        py += gradedBy.isCandidate
            ? "# Grades free-text answers. It is also a candidate, and a model grading its own answers tends to favour them:\n"
                + "# if you can, pass a strong model that is none of the candidates (-T grader=provider/model).\n"
            : "# Grades free-text answers; none of the candidates, since a model grading its own answers tends to favour them.\n"
        py += "GRADER = \(pyString(gradedBy.id))\n"
        py += "RUBRIC = \(pyString(rubric))\n\n\n"
        py += Self.functions
        return py
    }

    // MARK: - The samples template

    /// Three example lines in the task's shape, to be replaced by real samples.
    func samplesTemplate() -> String {
        let lines: [(String, String)]
        switch scorerKind {
        case .exactMatch:
            lines = [("Replace with a request exactly as your users send it", "the label it must get"),
                     ("Another real request; keep the labels your system uses", "another label"),
                     ("Include the hard and ambiguous cases, not only the easy ones", "the label it must get")]
        case .fields:
            lines = [("Replace with a document exactly as your system receives it", #"{"name": "the expected value", "date": "2026-01-31"}"#),
                     ("Another real document", #"{"name": "...", "date": "..."}"#),
                     ("A document where a field is missing", #"{"name": "...", "date": null}"#)]
        case .graded:
            lines = [("Replace with a request exactly as your users send it", "What a good answer must contain or do"),
                     ("Another real request", "The facts a correct answer states; what it must not say"),
                     ("A hard case from production", "What a good answer must contain or do")]
        }
        return lines.enumerated().map { index, line in
            "{\"id\": \"\(index + 1)\", \"input\": \(jsonString(line.0)), \"target\": \(jsonString(line.1))}"
        }.joined(separator: "\n") + "\n"
    }

    // MARK: - Pieces

    private var targetMeaning: String {
        switch scorerKind {
        case .exactMatch: "the label the answer must be"
        case .fields: "the expected JSON object, as a string"
        case .graded: "what a good answer must contain or do: the grader's criterion"
        }
    }

    private var scorerText: String {
        switch scorerKind {
        case .exactMatch: "exact match: the answer, trimmed, must equal the target label."
        case .fields: "schema and field match: the answer must be a JSON object with the target's keys, each value equal to the target's."
        case .graded: "model-graded against a rubric (GRADER below): correct, or not, against the target's criterion."
        }
    }

    /// The rubric the grader follows, by task type. Inspect's model_graded_qa asks for "GRADE: C" or "GRADE: I".
    private var rubric: String {
        let what: String
        switch task {
        case "summarization": what = "a summary. Correct (C) when it states every point the criterion names, adds nothing the input does not say, and is no longer than it needs to be."
        case "chat": what = "a reply to a user. Correct (C) when it answers what was asked, meets the criterion, states nothing false and keeps the tone the product needs."
        case "rag": what = "an answer grounded in retrieved documents. Correct (C) when it meets the criterion using only facts present in the input, and says so when the input does not hold the answer."
        case "code_completion", "autonomous_coding": what = "code. Correct (C) when it does what the criterion asks and would run; a unit-test scorer is stronger where you have tests."
        default: what = "an answer. Correct (C) when it meets the criterion and states nothing false."
        }
        return "You are grading \(what) Otherwise incorrect (I). Reason step by step, then end with GRADE: C or GRADE: I."
    }

    /// Inspect's `provider/model` id: the provider's Inspect name from criteria/_index.md and the page's API id.
    /// A self-hosted model runs under vLLM; an id that is already `org/model` (open weights) goes through OpenRouter.
    func modelID(_ option: DecisionOptions.Option) -> String { modelID(option.entry) }

    func modelID(_ entry: ModelEntry) -> String {
        let id = entry.spec.api_id ?? entry.slug
        if entry.spec.hosting == .self_hosted { return "vllm/" + id }
        // The provider the page prices first (Groq's `openai/gpt-oss-20b` is `groq/openai/gpt-oss-20b`); an
        // `org/model` id with no Inspect provider known goes through OpenRouter.
        if let known = knowledge.settings.providers?[entry.spec.provider]?.inspect { return known + "/" + id }
        if id.contains("/") { return "openrouter/" + id }
        return "openai-api/" + entry.spec.provider.lowercased() + "/" + id
    }

    private func modelNote(_ option: DecisionOptions.Option) -> String {
        var notes = ["  # " + pyComment(option.entry.title)]
        if option.entry.spec.api_id == nil { notes.append("no API id in the content: put the provider's id here") }
        if option.entry.spec.hosting == .self_hosted { notes.append("self-hosted: point VLLM_BASE_URL at your server") }
        if knowledge.settings.providers?[option.entry.spec.provider]?.inspect == nil, option.entry.spec.hosting == .api {
            notes.append("no Inspect provider known: check the id")
        }
        return notes.joined(separator: "; ")
    }

    /// The grader: a model grading its own answers tends to favour them, so the first escalation model served today
    /// that is none of the candidates (Claude Opus 5.5 beside a Sonnet 5.5 escalation). When every one is a
    /// candidate, the escalation candidate unless it is the recommended one, then the strongest other option; the
    /// plan then says the grader is also graded.
    private func grader() -> (id: String, isCandidate: Bool) {
        let candidates = Set(runs.map(\.slug))
        if let outside = knowledge.settings.escalation_models.first(where: {
            !candidates.contains($0) && knowledge.isServed($0, on: knowledge.today)
        }), let entry = knowledge.model(outside) {
            return (modelID(entry), false)
        }
        let primary = runs.first { $0.roles.contains(.primary) }?.slug ?? assessment.primaryModel
        let pick = runs.last { $0.slug != primary && $0.roles.contains(.escalation) }
            ?? runs.last { $0.slug != primary } ?? runs[0]
        return (modelID(pick), true)
    }

    private func docstring(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"\"\"", with: "\\\"\\\"\\\"")
    }

    /// A Python string literal: JSON's escaping is valid Python.
    private func pyString(_ text: String) -> String { jsonString(text) }

    private func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Text for a `#` comment: one line.
    private func pyComment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    // MARK: - The fixed part of the file (checked by Tests/machines/eval_check.py, which runs it with inspect-ai)

    static let imports = #"""
import json
import sys

from inspect_ai import Task, eval, task
from inspect_ai.dataset import FieldSpec, json_dataset
from inspect_ai.scorer import CORRECT, INCORRECT, Score, Target, accuracy, exact, model_graded_qa, scorer, stderr, value_to_float
from inspect_ai.solver import TaskState, generate


"""#

    static let functions = #"""
@scorer(metrics=[accuracy(), stderr()])
def fields_match():
    """Schema and field match for extraction: the answer must be a JSON object with the target's keys, and each
    value equal to the target's. Partial credit is the share of fields right; the sample counts as an error unless
    every field is."""

    async def score(state: TaskState, target: Target) -> Score:
        try:
            expected = json.loads(target.text)
        except json.JSONDecodeError:
            return Score(value=INCORRECT, explanation="the target is not JSON: fix the sample")
        text = state.output.completion.strip()
        if text.startswith("```"):
            text = text.strip("`").removeprefix("json").strip()
        try:
            answer = json.loads(text)
        except json.JSONDecodeError:
            return Score(value=INCORRECT, answer=text, explanation="the answer is not JSON")
        if not isinstance(answer, dict) or not isinstance(expected, dict):
            return Score(value=INCORRECT, answer=text, explanation="the answer or the target is not a JSON object")
        missing = sorted(set(expected) - set(answer))
        extra = sorted(set(answer) - set(expected))
        wrong = sorted(k for k in expected if k in answer and answer[k] != expected[k])
        right = len(expected) - len(missing) - len(wrong)
        ok = not missing and not extra and not wrong
        return Score(value=CORRECT if ok else INCORRECT, answer=text,
                     explanation=f"{right}/{len(expected)} fields right; missing {missing}, extra {extra}, wrong {wrong}",
                     metadata={"fields_right": right, "fields": len(expected)})

    return score


def task_scorer(grader: str):
    if TASK_TYPE in ("classification", "moderation"):
        return exact()
    if TASK_TYPE == "extraction":
        return fields_match()
    return model_graded_qa(instructions=RUBRIC, model=grader)


@task
def haiku_advisor_eval(samples: str = "samples.jsonl", grader: str = GRADER):
    return Task(
        dataset=json_dataset(samples, FieldSpec(input="input", target="target", id="id")),
        solver=[generate()],
        scorer=task_scorer(grader),
    )


def error_rates(logs) -> dict:
    """The share of samples each model got wrong, by model id."""
    to_float = value_to_float()
    rates = {}
    for log in logs:
        if log.status != "success" or not log.samples:
            raise SystemExit(f"{log.eval.model}: the run did not finish ({log.status}); see its log")
        # A sample is an error unless its score is full marks (C, 1, True).
        wrong = sum(1 for s in log.samples if to_float(next(iter(s.scores.values())).value) < 1)
        rates[log.eval.model] = wrong / len(log.samples)
    return rates


def pass_rule(rates: dict, candidates: dict = CANDIDATES, samples: int | None = None) -> tuple[bool, list[str]]:
    """The verdict is confirmed when the recommended model's error rate is at most TOLERANCE and no more than
    TOLERANCE above the escalation model's, on at least SAMPLES_NEEDED samples."""
    lines, ok = [], True
    primary = rates[candidates["recommended"]]
    lines.append(f"recommended {candidates['recommended']}: {primary:.1%} wrong (tolerance {TOLERANCE:.1%})")
    if primary > TOLERANCE:
        ok = False
        lines.append("FAIL: the recommended model makes more mistakes than you tolerate")
    escalation = candidates.get("escalation model")
    if escalation and escalation in rates:
        gap = primary - rates[escalation]
        lines.append(f"escalation {escalation}: {rates[escalation]:.1%} wrong; gap {gap:+.1%}")
        if gap > TOLERANCE:
            ok = False
            lines.append("FAIL: the escalation model is clearly better: reconsider tiered routing or the alternative")
    for role, model in candidates.items():
        if role not in ("recommended", "escalation model") and model in rates and model != candidates["recommended"]:
            lines.append(f"{role} {model}: {rates[model]:.1%} wrong")
    if samples is not None and samples < SAMPLES_NEEDED:
        ok = False
        lines.append(f"NOT ENOUGH SAMPLES: {samples} < {SAMPLES_NEEDED}; the difference above may be luck")
    lines.append("PASS: the verdict holds" if ok else "The verdict is not confirmed.")
    return ok, lines


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "samples.jsonl"
    with open(path, encoding="utf-8") as f:
        count = sum(1 for line in f if line.strip())
    models = sorted(set(CANDIDATES.values()))
    logs = eval(haiku_advisor_eval(samples=path), model=models)
    ok, report = pass_rule(error_rates(logs), samples=count)
    print("\n".join(report))
    sys.exit(0 if ok else 1)
"""#
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
