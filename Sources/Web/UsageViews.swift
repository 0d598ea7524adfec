import Advisor
import Content
import Scan
import Usage

// The usage import on the web (README.md, "Usage import"): `POST /assess` takes a usage file as
// multipart/form-data, reads it in memory (never stored, never sent anywhere) and answers the verdict priced on its
// distribution, with the questionnaire pre-filled from it. The distribution travels on in the links as `usage=`
// (UsageProfile.encoded), so that changing any answer, sharing the link or opening it as JSON keeps it.
extension AdvisorViews {
    /// `POST /assess`: the upload.
    func upload(_ request: Request) -> Response {
        guard importGate.enter() else {
            return uploadRefused(HTTPError(503, code: "usage_busy", ImportGate.busyMessage, field: "usage",
                                           retryAfter: ImportGate.retryAfter))
        }
        defer { importGate.leave() }
        let upload: UsageUpload
        do {
            upload = try readUpload(request)
        } catch {
            return assessPage(values: error.values, error: error.error, status: error.status,
                              usage: error.summary.map { usageSection($0, comparison: nil, profile: nil) },
                              others: error.others, fromUpload: true, carriedUsage: error.carriedUsage)
        }
        return usageResult(upload.answers, profile: upload.profile, currentModel: upload.imported.currentModel,
                           alsoInUse: upload.imported.modelShares, summary: upload.imported.summary,
                           base: links.pageBase(request))
    }

    /// `POST /api/assess` with multipart/form-data: the same upload as `POST /assess`, answered as
    /// `assess --usage FILE --json` answers it (the assessment's keys and `usage.summary`, `usage.comparison`).
    func apiUpload(_ request: Request) throws(HTTPError) -> Response {
        guard importGate.enter() else {
            throw HTTPError(503, code: "usage_busy", ImportGate.busyMessage, field: "usage", retryAfter: ImportGate.retryAfter)
        }
        defer { importGate.leave() }
        let upload: UsageUpload
        do {
            upload = try readUpload(request)
        } catch {
            throw HTTPError(error.status, code: error.error.code, error.error.message, field: error.error.field)
        }
        let (assessment, comparison) = engine.assess(upload.answers, usage: upload.profile,
                                                     currentModel: upload.imported.currentModel,
                                                     alsoInUse: upload.imported.modelShares)
        return .json(JSON.encode(UsageAssessmentDocument(assessment: assessment, summary: upload.imported.summary,
                                                         comparison: comparison)))
    }

    /// An upload read and ready to price: the file's distribution, and the answers given beside it with the blank
    /// ones filled from the file.
    struct UsageUpload {
        let answers: Answers
        let imported: UsageImport
        let profile: UsageProfile
    }

    /// Why an upload cannot be priced, with what the form keeps.
    struct UploadRefusal: Error {
        let error: AnswerError
        let status: Int
        /// The answers as sent (for a file that counts no requests, as the file filled them).
        var values: [String: String] = [:]
        /// The file's summary, when it was read but counts no requests.
        var summary: UsageSummary? = nil
        /// The imported link's distribution the form carried, kept for the form again ("" without one).
        var carriedUsage = ""
        /// Every other answer the form sent that cannot be read, marked on its field as the questionnaire's GET marks
        /// them: one at a time, each fix cost another round trip and the file chosen again.
        var others: [AnswerError] = []
    }

    /// An upload refused before it was read (too many at once, too slow, too large): the questionnaire with the
    /// refusal on its upload field and the form to send the file again, with `Retry-After` where the error has one.
    func uploadRefused(_ error: HTTPError) -> Response {
        var response = assessPage(values: [:], error: AnswerError(code: error.code, message: error.message, field: "usage"),
                                  status: error.status)
        if let seconds = error.retryAfter { response.headers.append(("Retry-After", String(seconds))) }
        return response
    }

    /// The questionnaire's file field (`usage` is the link's encoded distribution, which the form's GET also carries on
    /// a verdict page): a multipart upload's file is in either.
    static let uploadFileField = "usage_file"
    /// The longest answer field an upload carries beside its file.
    static let longestAnswer = 4_096
    static func isFileField(_ name: String) -> Bool { name == "usage" || name == uploadFileField }
    /// A file name as a message shows it: the part after any path a browser sent (`C:\Users\me\u.csv`), its
    /// direction controls gone (a sentence has no markup to isolate it in), at most 120 characters.
    static func shownName(_ name: String) -> String {
        let last = name.split(omittingEmptySubsequences: true) { $0 == "\\" || $0 == "/" }.last.map(String.init) ?? name
        return String(DirectionControls.stripped(last).prefix(120))
    }

    /// A part that is a file: `usage_file`, or `usage` that is not a carried distribution. The questionnaire's form
    /// carries an imported link's distribution as a plain `usage` field, which is no file (counted as one, it made
    /// every import "more than one file"); an API client may send the file itself as a plain `usage` field.
    static func isFile(_ part: Multipart.Part) -> Bool {
        part.name == uploadFileField || part.name == "usage" && carriedDistribution(part) == nil
    }

    /// A plain `usage` field that reads as a link's distribution (`usage=`), encoded again; nil for anything else.
    static func carriedDistribution(_ part: Multipart.Part) -> String? {
        guard part.name == "usage", part.filename == nil, part.body.count <= 64 * 1024,
              let text = String(validating: part.body, as: UTF8.self) else { return nil }
        return try? UsageProfile(encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)).encoded
    }

    /// Reads a multipart/form-data upload: the file in the field `usage` (or the form's `usage_file`), the answers in
    /// the other fields.
    func readUpload(_ request: Request) throws(UploadRefusal) -> UsageUpload {
        func refused(_ message: String, status: Int) -> UploadRefusal {
            UploadRefusal(error: AnswerError(code: "usage_refused", message: message, field: "usage"), status: status)
        }
        guard let type = request.headers["content-type"], let boundary = Multipart.boundary(ofContentType: type) else {
            throw refused("Send the usage file as multipart/form-data with a boundary of 1 to 70 characters (RFC 2046), as the "
                          + "upload form on /assess does (Content-Type was \(request.headers["content-type"].map { "`\($0.prefix(80))`" } ?? "missing")).",
                          status: 415)
        }
        let form: Multipart
        do {
            form = try Multipart(body: request.body, boundary: boundary)
        } catch {
            throw refused("The upload is not well-formed multipart/form-data: \(error.message).", status: 400)
        }
        // An imported link's distribution the form carried: kept by a refusal where no new file replaces it (a
        // refused new file is no reason to fall back on the older one, whose summary would not be the file's).
        let file = form.parts.first(where: Self.isFile).flatMap { $0.body.isEmpty ? nil : $0 }
        let carried = file == nil ? form.parts.lazy.compactMap(Self.carriedDistribution).first ?? "" : ""
        // The answers first: every refusal below keeps what was typed beside the file (a missing or unreadable file
        // sent the person back to an empty questionnaire).
        var pairs: [(String, String)] = []
        var tooLong: String? = nil
        // A carried distribution is replaced by the file's: no answer either.
        for part in form.parts where !Self.isFileField(part.name) {
            // An answer is a few characters: a 24 MB one held an import slot for 6.5 s and came back in the form whole.
            // Left out, and refused once the others are read, so that the form keeps them.
            guard part.body.count <= Self.longestAnswer else {
                if tooLong == nil { tooLong = String(part.name.prefix(40)) }
                continue
            }
            guard let text = String(validating: part.body, as: UTF8.self) else {
                // The answer's own field is the one to mark, not the file's (it was blamed on `usage`).
                let field = String(part.name.prefix(40))
                throw UploadRefusal(error: AnswerError(code: "invalid", message: "The field `\(field)` is not UTF-8 text.",
                                                       field: field), status: 400, values: QuestionnaireForm.values(of: pairs),
                                    carriedUsage: carried)
            }
            pairs.append((part.name, text))
        }
        if let field = tooLong {
            throw UploadRefusal(error: AnswerError(code: "invalid", message: "The field `\(field)` is longer than any answer "
                                                   + "(\(Self.longestAnswer) bytes at most).", field: field),
                                status: 400, values: QuestionnaireForm.values(of: pairs), carriedUsage: carried)
        }
        let typed = QuestionnaireForm.values(of: pairs)
        func refusedKeeping(_ message: String) -> UploadRefusal {
            UploadRefusal(error: AnswerError(code: "usage_refused", message: message, field: "usage"), status: 400,
                          values: typed, carriedUsage: carried)
        }
        // One file per verdict: a second was read silently and dropped.
        guard form.parts.filter(Self.isFile).count <= 1 else {
            throw refusedKeeping("Send one usage file: the upload holds more than one (merge them first, or assess each alone).")
        }
        guard let file else {
            // A named file with nothing in it was chosen: "choose a usage file" told the person to do what they had done.
            if let empty = form.parts.first(where: { Self.isFile($0) && !($0.filename ?? "").isEmpty }), let name = empty.filename {
                throw refusedKeeping("The file `\(Self.shownName(name))` is empty (0 bytes): export the usage report again, and choose that file.")
            }
            // A plain `usage` field sent empty (`curl -F 'usage=<file'` of an empty file) was told to send the file in
            // the field it had used. A browser's unchosen file field has a file name, empty, and is told to choose one.
            if form.parts.contains(where: { $0.name == "usage" && $0.filename == nil && $0.body.isEmpty }) {
                throw refusedKeeping("The field `usage` is empty: it holds no usage report (was the file empty?). Send the "
                                     + "report's contents in it, or as a file.")
            }
            throw refusedKeeping("Choose a usage file under “Usage file”, then press “Import and assess” (an API client sends "
                                 + "it in the multipart field `usage`).")
        }
        let given: Answers
        do {
            given = try knowledge.answers(fromQuery: pairs, usageFile: true)
        } catch {
            throw UploadRefusal(error: error, status: 400, values: typed, carriedUsage: carried,
                                others: knowledge.fieldErrors(fromQuery: pairs))
        }
        let imported: UsageImport
        do {
            imported = try UsageImport.load(Array(file.body), given: given,
                                            catalog: ModelCatalog(library: library, knowledge: knowledge), knowledge: knowledge)
        } catch {
            let name = file.filename.map { "`\(Self.shownName($0))`" } ?? "The file"
            throw refusedKeeping("\(name) could not be imported: \(error.description). Nothing of it was used.")
        }
        let answers: Answers
        do {
            answers = try imported.filling(given, knowledge: knowledge)
        } catch {
            throw UploadRefusal(error: error, status: 400, values: typed, carriedUsage: carried)
        }
        guard let profile = imported.profile else {
            // The file counts no requests: ask for the monthly number, on the questionnaire's own field, with what was
            // typed (not the file's figures: filled in, a verdict without the file rested on half of them), and the
            // file to choose again.
            let ask = AnswerError(code: "usage_needs_requests", message: (imported.summary.requests_note ?? "")
                                  + " Enter the monthly requests, choose the file again and press “Import and assess”.",
                                  field: AnswerID.monthlyRequests.name)
            throw UploadRefusal(error: ask, status: 400, values: typed, summary: imported.summary, carriedUsage: carried)
        }
        return UsageUpload(answers: answers, imported: imported, profile: profile)
    }

    /// The verdict priced on a distribution: from an upload (with its summary) or from a link's `usage=`.
    func usageResult(_ answers: Answers, profile: UsageProfile, currentModel: String?,
                     alsoInUse: [(model: String, share: Double)], summary: UsageSummary?, base: String) -> Response {
        let (assessment, comparison) = engine.assess(answers, usage: profile, currentModel: currentModel,
                                                     alsoInUse: alsoInUse)
        // The sizes a link left blank are the distribution's own, as priced.
        let answers = assessment.pricedAnswers ?? answers
        let carried = "usage=" + profile.encoded
        var view = ResultView(engine: engine, library: library).page(assessment, answers: answers, links: links,
                                                                     base: base, carry: carried)
        view.fields = form.fields(values: QuestionnaireForm.values(of: answers), error: nil)
        view.usage = usageSection(summary, comparison: comparison, profile: profile)
        // The link carries the distribution and the busiest model: a warning about the file's other models is this
        // page's alone, and its downloads (made from the link) do not have it.
        let others = Set(alsoInUse.map(\.model))
        let omitted = assessment.warnings.filter { w in w.failure_mode == "model-retirement" && w.model.map(others.contains) == true
            && w.model != currentModel }.compactMap { w in w.model.flatMap { library.page(.models, $0)?.title } }
        if !omitted.isEmpty {
            view.linkOmits = "The link and the downloads carry the file's sizes and its busiest model, not its other models: "
                + "the warning\(omitted.count == 1 ? "" : "s") about \(Format.series(omitted)) \(omitted.count == 1 ? "is" : "are") on this page only."
        }
        return .html(templates.page(title: "Verdict: \(ResultView.verdictLabel(assessment))",
                                    view: view, activeSection: "assess"))
    }

    /// A link's answers beside the distribution it carries (`usage=`): a system prompt is held to the distribution's
    /// average input where the input is left blank, as an upload holds it to the file's (a 2,000-token system prompt
    /// beside 50,000-token requests was refused against the 1,000-token default, and one of 800 beside 500-token
    /// requests priced).
    func linkedAnswers(_ pairs: [(String, String)], profile: UsageProfile?) throws(AnswerError) -> Answers {
        let answers = try knowledge.answers(fromQuery: pairs, usageFile: profile != nil)
        guard let profile, answers.isAssumed(.avgInputTokens) else { return answers }
        let mean = knowledge.bounded(.avgInputTokens, profile.meanPrompt.rounded())
        try Knowledge.checkSystemPrompt(try knowledge.replacing(.avgInputTokens, with: .number(mean), in: answers),
                                        inputFrom: "the usage profile's average")
        return answers
    }

    /// The distribution a link carries, and the answers without it. - Throws: `AnswerError` for a bad `usage=`.
    static func usageParameter(_ query: [(String, String)]) throws(AnswerError) -> (pairs: [(String, String)], profile: UsageProfile?) {
        let carried = query.filter { $0.0 == "usage" }
        guard carried.count <= 1 else {
            throw AnswerError(code: "duplicate_answer", message: "`usage` is given more than once", field: "usage")
        }
        // Blank, as any blank answer is: no distribution (it was refused as "not a question"); spaces around it are
        // no part of it.
        guard let text = carried.first?.1.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
        else { return (query.filter { $0.0 != "usage" }, nil) }
        return (query.filter { $0.0 != "usage" }, try UsageProfile(encoded: text))
    }

    /// The model a link's distribution runs on now: the tokenizer answer, which the import set to it.
    static func currentModel(of answers: Answers) -> String? {
        guard !answers.isAssumed(.tokensCountedWith), case .text(let slug) = answers[.tokensCountedWith] else { return nil }
        return slug
    }

    func usageSection(_ summary: UsageSummary?, comparison: UsageComparison?, profile: UsageProfile?) -> UsageSection {
        var facts: [UsageFact] = []
        var models: [ModelUsageLine] = []
        var source = "your imported usage"
        var note = ""
        if let s = summary {
            source = "\(s.format_title), \(s.period_start) to \(s.period_end)"
            note = [s.requests_note, s.answers_note].compactMap { $0 }.joined(separator: " ")
            if let observed = s.observed_requests { facts.append(UsageFact(label: "Requests in the file", value: Format.count(observed))) }
            if let monthly = s.monthly_requests { facts.append(UsageFact(label: "Monthly requests (scaled to a month)", value: Format.count(monthly))) }
            let per = s.distribution_of == "buckets" ? " (bucket averages)" : ""
            // Sizes a request are known only once requests are (a report that counts tokens alone read "mean 0").
            for (name, d) in [("Prompt tokens", s.prompt_tokens), ("Output tokens", s.output_tokens)] where s.monthly_requests != nil {
                facts.append(UsageFact(label: name + per, value: "mean \(Format.count(d.mean)) · p50 \(Format.count(d.p50)) · "
                                       + "p90 \(Format.count(d.p90)) · p99 \(Format.count(d.p99)) · max \(Format.count(d.max))"))
            }
            facts.append(UsageFact(label: "Cached share of the prompt (read from the cache)",
                                   value: Format.figure(s.cached_input_share * 100, digits: 1) + "%"))
            if s.cache_write_share > 0 {
                facts.append(UsageFact(label: "Written to the cache", value: Format.figure(s.cache_write_share * 100, digits: 1) + "% of the prompt"))
            }
            if let batch = s.batch_share {
                facts.append(UsageFact(label: "Through the batch API", value: Format.figure(batch * 100, digits: 1) + "%"))
            }
            facts.append(UsageFact(label: "Peak to average", value: (s.peak_to_average.map { Format.figure($0, digits: 1) } ?? "unknown")
                                   + " (\(s.peak_basis))"))
            models = s.models.map { m in
                ModelUsageLine(m, library: library)
            }
        }
        var comparisonText = ""
        if let c = comparison {
            if let current = c.current_model, let now = c.current_monthly_usd, let note = c.current_note {
                let title = library.page(.models, current)?.title ?? current
                comparisonText = "On \(title), at its standard rates, this traffic costs \(Format.cents(now)) a month; the "
                    + "recommendation costs \(Format.cents(c.recommended_monthly_usd)). \(note)"
            } else if let current = c.current_model, let now = c.current_monthly_usd, let difference = c.difference_usd {
                let title = library.page(.models, current)?.title ?? current
                comparisonText = "On \(title), this traffic costs \(Format.cents(now)) a month; the recommendation costs "
                    + "\(Format.cents(c.recommended_monthly_usd)), "
                    + (abs(difference) < 0.005 ? "the same." // the recommendation is the model it runs on, or costs the same
                       : difference < 0 ? "\(Format.cents(-difference)) a month less." : "\(Format.cents(difference)) a month more.")
            }
            for fact in c.models where fact.long_context_share > 0 || fact.over_window_share > 0 {
                let title = library.page(.models, fact.model)?.title ?? fact.model
                if fact.long_context_share > 0 {
                    facts.append(UsageFact(label: "Above \(title)'s long-context threshold",
                                           value: Format.figure(fact.long_context_share * 100, digits: 1) + "% of requests"))
                }
                if fact.over_window_share > 0 {
                    facts.append(UsageFact(label: "Too long for \(title)'s window",
                                           value: Format.figure(fact.over_window_share * 100, digits: 1) + "% of requests"))
                }
            }
        }
        let leftOff = summary?.models_left_off.map {
            "And \(Format.count(Double($0.ids))) more ids, \(Format.figure($0.share * 100, digits: 1))% of the traffic."
        } ?? ""
        return UsageSection(source: source, facts: facts, models: models, modelsLeftOff: leftOff, comparison: comparisonText, note: note,
                            groups: comparison.map { "\(Format.count(Double($0.groups))) group\($0.groups == 1 ? "" : "s") of requests" } ?? "",
                            profile: profile?.encoded ?? "")
    }
}

extension ModelUsageLine {
    init(_ m: ModelInUse, library: ContentLibrary) {
        // A direction override in a logged id reversed the text after it ("(not a model this site knows)").
        id = DirectionControls.stripped(m.id)
        title = m.title ?? ""
        url = m.model.map { "/models/\($0)" } ?? ""
        share = Format.figure(m.share * 100, digits: 1) + "%"
        badge = LifecycleText.badge(m.status, library: library)
        migrate = m.migrate_to.map { library.page(.models, $0)?.title ?? $0 } ?? ""
        guideURL = m.guide_url ?? ""
    }
}

/// `GET /api/assess?...&usage=...`: the assessment document with `usage.comparison` beside it. The route writes it
/// with `Assessment.jsonBytes(usage:)`; this encoding is the reference AssessmentJSONTests holds those bytes to.
struct UsageLinkDocument: Encodable {
    let assessment: Assessment
    let comparison: UsageComparison

    private enum Key: String, CodingKey { case usage }
    private enum UsageKey: String, CodingKey { case comparison }

    func encode(to encoder: Encoder) throws {
        try assessment.encode(to: encoder)
        var outer = encoder.container(keyedBy: Key.self)
        var usage = outer.nestedContainer(keyedBy: UsageKey.self, forKey: .usage)
        try usage.encode(comparison, forKey: .comparison)
    }
}
