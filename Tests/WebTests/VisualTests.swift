import Foundation
import Testing
import Advisor
@testable import Web

/// Charts, the score scale, the timeline, the models table, exports and the wording of form errors, checked
/// in-process; Tests/browser/suite.py looks at the same pages in Chromium.
struct VisualTests {
    static let result = "/assess/result"

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func resultDrawsTheCostsAndTheScale() {
        let page = get(Self.result, pairs(AdvisorRoutesTests.workload)).text
        #expect(count("<svg class=\"chart cost-chart\" role=\"img\"", in: page) == 1)
        #expect(page.contains("<title id=\"cost-chart-title\">") && page.contains("<desc id=\"cost-chart-desc\">"))
        // One bar per usable model that fits: the rows of the table that are neither misfits nor unavailable.
        let rows = count("<tr class=\"", in: page) - count("no-fit", in: page) - count(" unavailable\"", in: page)
        #expect(count("<g class=\"bar", in: page) == rows)
        #expect(count("<g class=\"bar marked\"", in: page) == 1)
        #expect(page.contains("★ Claude Haiku 5.5 · recommended"))
        #expect(count("<svg class=\"chart score-scale\" role=\"img\"", in: page) == 1)
        #expect(count("class=\"threshold\"", in: page) == 2)
        #expect(page.contains("class=\"region region-choose-haiku current\""))
        #expect(!page.contains("aria-hidden=\"true\">#"))
    }

    @Test func changesAreLinksNumericFirst() throws {
        let engine = realSite.advisor.engine
        let answers = try engine.knowledge.answers(fromQuery: pairs(AdvisorRoutesTests.workload))
        let view = ResultView(engine: engine, library: realSite.library)
        let lines = view.changeLines(engine.assess(answers), answers: answers, form: QuestionnaireForm(knowledge: engine.knowledge))
        #expect(!lines.isEmpty)
        let numericQuestions = Set(engine.knowledge.questionnaire.filter { $0.kind == .integer || $0.kind == .number }.map(\.text))
        let numeric = lines.map { numericQuestions.contains($0.question) }
        #expect(numeric == numeric.sorted { $0 && !$1 }, "numeric changes come first: \(numeric)")
        #expect(lines.allSatisfy { $0.url?.hasPrefix("/assess/result?") == true })
        let page = get(Self.result, pairs(AdvisorRoutesTests.workload)).text
        #expect(count("class=\"apply\" href=\"/assess/result?", in: page) == lines.count)
    }

    @Test func shareLinkIsAbsoluteWithTheHost() {
        let page = get(Self.result, pairs(AdvisorRoutesTests.workload), headers: ["Host": "127.0.0.1:8080"]).text
        #expect(page.contains("id=\"share-link\" href=\"http://127.0.0.1:8080/assess/result?task_type=classification"))
        let hostile = get(Self.result, pairs(AdvisorRoutesTests.workload), headers: ["Host": "evil\"><script>"]).text
        #expect(hostile.contains("id=\"share-link\" href=\"/assess/result?"))
    }

    @Test func calculatorAndCompareDrawCharts() {
        let calculator = get("/calculator", pairs("monthly_requests=3M&avg_input_tokens=2000")).text
        #expect(calculator.contains("<svg class=\"chart cost-chart\""))
        #expect(calculator.contains("· cheapest"))
        // After "Price it" the results come before the form.
        #expect(calculator.range(of: "cost-results")!.lowerBound < calculator.range(of: "<form class=\"questionnaire")!.lowerBound)
        let compare = get("/compare").text
        #expect(compare.contains("<svg class=\"chart cost-chart\""))
        #expect(!compare.contains("<th scope=\"col\"></th>"))
        #expect(compare.range(of: "model-picker")!.lowerBound < compare.range(of: "<table class=\"compare\"")!.lowerBound)
    }

    @Test func comparePreselectsOnlyCurrentModels() {
        let page = get("/compare").text
        // Claude Haiku 4.5 is a default compare model, but legacy today.
        #expect(page.contains("value=\"claude-haiku-5-5\" checked"))
        #expect(!page.contains("value=\"claude-haiku-4-5\" checked"))
    }

    @Test func timelineListsRetirementsFirstAndDrawsEveryModel() {
        let response = get("/timeline")
        #expect(response.status == 200)
        let page = response.text
        let models = realSite.library.pages(in: .models).count
        #expect(count("<g class=\"life-row\"", in: page) == models)
        #expect(page.contains("class=\"today-line\""))
        #expect(page.range(of: "Retirements ahead")!.lowerBound < page.range(of: "<svg")!.lowerBound)
        #expect(page.contains("retires <strong><time datetime=\"2026-11-30\">"))
    }

    @Test func modelsIndexLeadsWithASortableTable() {
        let page = get("/models/").text
        #expect(page.range(of: "models-table")!.lowerBound < page.range(of: "class=\"prose\"")!.lowerBound)
        let sorted = get("/models/", [("sort", "input")])
        #expect(sorted.status == 200)
        #expect(sorted.text.contains("aria-sort=\"ascending\""))
        #expect(sorted.text.contains("href=\"/models/?sort=input&amp;order=desc\""))
        #expect(get("/models/", [("sort", "nonsense")]).status == 400)
    }

    @Test func exportsReproduceFromTheAnswers() {
        let md = get("/assess/result.md", pairs(AdvisorRoutesTests.workload))
        #expect(md.status == 200)
        #expect(md.header("Content-Type") == "text/markdown; charset=utf-8")
        #expect(md.header("Content-Disposition")?.hasPrefix("attachment") == true)
        #expect(md.text.hasPrefix("# Verdict: "))
        #expect(md.text.contains("| ★ Claude Haiku 5.5 (recommended) | Active |"), "the one recommended mark, as in the chart")
        let csv = get("/calculator.csv", pairs("monthly_requests=20k"))
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        let lines = csv.text.split(separator: "\r\n")
        #expect(lines.count == realSite.library.pages(in: .models).count + 1)
        #expect(lines[0].hasPrefix("model,title,recommended,lifecycle,fits,monthly_usd"))
        #expect(get("/assess/result.csv", pairs("monthly_requests=lots")).status == 400)
    }

    @Test func csvFieldsAreQuotedAndDefused() {
        #expect(Exports.field("a,b") == "\"a,b\"")
        #expect(Exports.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Exports.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(Exports.field("-1.5") == "-1.5")
    }

    @Test func errorsNameTheQuestion() {
        let page = get("/calculator", [("monthly_requests", "lots")]).text
        #expect(page.contains("“How many requests a month do you expect?” needs a whole number, such as 3,000,000, 3M or 20k."))
        #expect(!page.contains("'monthly_requests'"))
        #expect(get("/calculator", [("monthly_requests", "3,000,000")]).status == 200)
    }

    @Test func moneyShowsCentsAndTinyAmountsStayNonZero() {
        #expect(Format.usd(141.39) == "$141.39")
        #expect(Format.usd(141) == "$141.00")
        #expect(Format.usd(0.0000472) == "$0.0000472")
        #expect(Format.usd(0.0034) == "$0.0034")
        #expect(Format.usd(0.075) == "$0.075")
    }
}
