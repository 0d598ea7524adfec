import Advisor

/// How serious a finding is: retired is an error (requests fail), deprecated a warning (they will), legacy a note
/// (a newer model took its place). Active models are listed as `none`, for the inventory.
public enum ScanLevel: String, Sendable, Encodable, CaseIterable, Comparable {
    case none, note, warning, error

    init(_ state: LifecycleState) {
        switch state {
        case .retired: self = .error
        case .deprecated: self = .warning
        case .legacy: self = .note
        case .active, .unreleased: self = .none
        }
    }

    public static func < (a: ScanLevel, b: ScanLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// When a scan fails (`--fail-on`, `--within`).
public struct ScanPolicy: Sendable {
    /// The least serious state that fails: `retired`, `deprecated` or `legacy`.
    public var failOn: LifecycleState
    /// Also fail on a model that retires within this many days of the as-of day.
    public var withinDays: Int?

    public static let failOnChoices: [LifecycleState] = [.retired, .deprecated, .legacy]

    public init(failOn: LifecycleState = .retired, withinDays: Int? = nil) {
        self.failOn = failOn
        self.withinDays = withinDays
    }

    func fails(level: ScanLevel, daysToRetirement: Int?) -> Bool {
        if level != .none, level >= ScanLevel(failOn) { return true }
        if let within = withinDays, let days = daysToRetirement, days <= within { return true }
        return false
    }
}

/// One model id found, with what the content says about its model on the as-of day.
public struct Finding: Sendable, Encodable {
    public struct ModelRef: Sendable, Encodable, Equatable {
        public let slug: String
        public let title: String
        /// The id to write instead (`api_id`), when the page gives one.
        public let api_id: String?
        public let url: String
        /// Its own state on the as-of day (for a replacement: is it itself on its way out?).
        public let state: LifecycleState
    }

    public let path: String
    public let line: Int
    public let column: Int
    public let end_column: Int
    /// The id as written.
    public let id: String
    public let form: IDMatcher.Form
    public let model: ModelRef
    public let state: LifecycleState
    /// The day the state began.
    public let since: String
    public let retires: String?
    /// Days from the as-of day to the retirement (negative once retired).
    public let days_to_retirement: Int?
    public let replacement: ModelRef?
    /// Where to move when the replacement is itself no longer active (followed to an active model).
    public let migrate_to: ModelRef?
    public let guide: ModelCatalog.Guide?
    public let level: ScanLevel
    /// Whether it fails the scan under `--fail-on` and `--within`.
    public let failing: Bool

    /// `error: claude-3-5-haiku-20241022 is Claude 3.5 Haiku, retired since 2026-02-19; ...`, without the location.
    public var message: String {
        var text = "\(id) is \(model.title)"
        switch state {
        case .retired: text += ", retired since \(since): requests to it fail"
        case .deprecated: text += ", deprecated since \(since), retires \(retires ?? "(no date)")"
        case .legacy: text += ", legacy since \(since)" + (retires.map { ", retires \($0)" } ?? "")
        case .active: text += ", active" + (retires.map { ", retires \($0)" } ?? "")
        case .unreleased: text += ", not released until \(since)"
        }
        // Not for a model retired that very day: "retired since 2026-12-10 ... (in 0 days)".
        if let days = days_to_retirement, days >= 0, state != .retired { text += " (in \(days) day\(days == 1 ? "" : "s"))" }
        if let replacement {
            text += "; replacement: \(replacement.title)" + (replacement.api_id.map { " (\($0))" } ?? "")
            if replacement.state != .active { text += ", itself \(replacement.state.rawValue)" }
        }
        if let migrate_to {
            text += ": migrate to \(migrate_to.title)" + (migrate_to.api_id.map { " (\($0))" } ?? "")
        }
        if let guide { text += "; guide: \(guide.title) (\(guide.url))" }
        return text
    }
}

/// Everything a scan found, judged on one day under one policy; the text, JSON and SARIF formats render it.
public struct ScanReport: Sendable, Encodable {
    public let as_of: String
    public let fail_on: String
    public let within_days: Int?
    public let files_scanned: Int
    public let skipped_binary: [String]
    /// Larger than `Scanner.maxFileBytes`.
    public let skipped_large: [String]
    public let unreadable: [String]
    public let findings: [Finding]
    /// Findings per state (`retired`, `deprecated`, `legacy`, `active`, `unreleased`).
    public let counts: [String: Int]
    public let failing: Int
    public let max_file_bytes: Int

    /// Judges each hit on `day` with the engine's lifecycle.
    public init(result: Scanner.Result, catalog: ModelCatalog, day: Int, policy: ScanPolicy) {
        func ref(_ slug: String) -> Finding.ModelRef? {
            guard let model = catalog.model(slug: slug), let status = catalog.status(of: slug, on: day) else { return nil }
            return Finding.ModelRef(slug: model.slug, title: model.title, api_id: model.apiID, url: "/models/\(model.slug)",
                                    state: status.state)
        }
        var findings: [Finding] = []
        var counts: [String: Int] = [:]
        for hit in result.hits {
            guard let model = catalog.model(named: hit.name), let status = catalog.status(of: model.slug, on: day),
                  let modelRef = ref(model.slug) else { continue }
            let level = ScanLevel(status.state)
            let retiresDay = status.retires.flatMap(CivilDate.day)
            let days = retiresDay.map { $0 - day }
            let target = status.state == .active ? nil : catalog.migrationTarget(of: model.slug, on: day)
            let migrateTo = target != nil && target != status.replacement ? target.flatMap(ref) : nil
            let guide = status.state == .active ? nil : catalog.migrationGuide(for: model.slug, on: day)
            let failing = policy.fails(level: level, daysToRetirement: status.state == .retired ? nil : days)
            findings.append(Finding(path: hit.path, line: hit.line, column: hit.column, end_column: hit.endColumn,
                                    id: hit.text, form: hit.form, model: modelRef, state: status.state,
                                    since: status.since, retires: status.retires, days_to_retirement: days,
                                    replacement: status.replacement.flatMap(ref), migrate_to: migrateTo,
                                    guide: guide, level: level, failing: failing))
            counts[status.state.rawValue, default: 0] += 1
        }
        as_of = CivilDate.text(day)
        fail_on = policy.failOn.rawValue
        within_days = policy.withinDays
        files_scanned = result.filesScanned
        skipped_binary = result.skippedBinary
        skipped_large = result.skippedLarge
        unreadable = result.unreadable
        self.findings = findings
        self.counts = counts
        failing = findings.filter(\.failing).count
        max_file_bytes = Scanner.maxFileBytes
    }
}

extension ModelCatalog {
    /// Scans `paths` for every id the catalog knows and judges each on `day`: the one call the command line and
    /// the MCP server make.
    public func scan(_ paths: [String], on day: Int, policy: ScanPolicy) throws(ScanError) -> ScanReport {
        let result = try Scanner(names: models.flatMap(\.names)).scan(paths)
        return ScanReport(result: result, catalog: self, day: day, policy: policy)
    }
}
