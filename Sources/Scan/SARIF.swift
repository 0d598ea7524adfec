import Advisor

/// The report as SARIF 2.1.0 (OASIS), the format code-scanning services read: one rule per lifecycle state, one
/// result per finding, columns in Unicode code points, paths relative to the scanned folder (`%SRCROOT%`).
public enum SARIF {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// - Parameters:
    ///   - root: the absolute folder relative paths are resolved against (`file:///...`).
    ///   - site: the web app's address, for absolute links to model and guide pages.
    public static func document(_ report: ScanReport, catalog: ModelCatalog, root: String, site: String) -> Document {
        let states: [LifecycleState] = [.retired, .deprecated, .legacy, .active, .unreleased]
        let help = catalog.lifecyclePage.map { site + $0.url }
        let rules = states.map { state in
            Rule(id: ruleID(state), name: ruleName(state), shortDescription: .init(text: shortText(state)),
                 fullDescription: .init(text: fullText(state)), helpUri: help,
                 defaultConfiguration: .init(level: ScanLevel(state).rawValue))
        }
        let results = report.findings.map { finding in
            let relative = !finding.path.hasPrefix("/")
            return Result(ruleId: ruleID(finding.state), ruleIndex: states.firstIndex(of: finding.state)!,
                          level: finding.level.rawValue, message: .init(text: finding.message),
                          locations: [Location(physicalLocation: .init(
                              artifactLocation: .init(uri: relative ? encode(finding.path) : "file://" + encode(finding.path),
                                                      uriBaseId: relative ? "SRCROOT" : nil),
                              region: .init(startLine: finding.line, startColumn: finding.column,
                                            endColumn: finding.end_column)))],
                          properties: .init(model: finding.model.slug, state: finding.state.rawValue,
                                            retires: finding.retires, replacement: finding.replacement?.slug,
                                            migrateTo: finding.migrate_to?.slug,
                                            guide: finding.guide.map { site + $0.url }, failing: finding.failing))
        }
        let run = Run(tool: .init(driver: .init(name: "haiku-advisor", informationUri: site + "/", rules: rules)),
                      originalUriBaseIds: ["SRCROOT": .init(uri: "file://" + encode(root.hasSuffix("/") ? root : root + "/"))],
                      results: results,
                      invocations: [.init(executionSuccessful: true)],
                      properties: .init(asOf: report.as_of, failOn: report.fail_on, withinDays: report.within_days,
                                        filesScanned: report.files_scanned))
        return Document(schema: schemaURI, version: "2.1.0", runs: [run])
    }

    static func ruleID(_ state: LifecycleState) -> String { "model-\(state.rawValue)" }

    static func ruleName(_ state: LifecycleState) -> String {
        switch state {
        case .retired: "RetiredModel"
        case .deprecated: "DeprecatedModel"
        case .legacy: "LegacyModel"
        case .active: "ActiveModel"
        case .unreleased: "UnreleasedModel"
        }
    }

    static func shortText(_ state: LifecycleState) -> String {
        switch state {
        case .retired: "The model is retired: requests to this id fail."
        case .deprecated: "The model is deprecated: its retirement date is set."
        case .legacy: "The model is legacy: a newer model took its place."
        case .active: "The model is active."
        case .unreleased: "The model was not yet released on the as-of day."
        }
    }

    static func fullText(_ state: LifecycleState) -> String {
        shortText(state) + " The state is judged on the scan's as-of day from the model's lifecycle dates in "
            + "haiku-advisor's content; the message names the retirement date, the replacement and the migration guide."
    }

    /// Percent-encodes what a URI may not hold as is (RFC 3986: unreserved characters and `/` stay).
    static func encode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 128, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    // MARK: - The document (only the parts this report uses)

    public struct Document: Encodable, Sendable {
        let schema: String
        let version: String
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Message: Encodable, Sendable { let text: String }

    struct Rule: Encodable, Sendable {
        struct Configuration: Encodable, Sendable { let level: String }
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let helpUri: String?
        let defaultConfiguration: Configuration
    }

    struct Run: Encodable, Sendable {
        struct Tool: Encodable, Sendable {
            struct Driver: Encodable, Sendable {
                let name: String
                let informationUri: String
                let rules: [Rule]
            }
            let driver: Driver
        }
        struct BaseURI: Encodable, Sendable { let uri: String }
        struct Invocation: Encodable, Sendable { let executionSuccessful: Bool }
        struct Properties: Encodable, Sendable {
            let asOf: String
            let failOn: String
            let withinDays: Int?
            let filesScanned: Int
        }
        let tool: Tool
        let originalUriBaseIds: [String: BaseURI]
        let results: [Result]
        let invocations: [Invocation]
        let properties: Properties
        let columnKind = "unicodeCodePoints"
    }

    struct Location: Encodable, Sendable {
        struct Physical: Encodable, Sendable {
            struct Artifact: Encodable, Sendable {
                let uri: String
                let uriBaseId: String?
            }
            struct Region: Encodable, Sendable {
                let startLine: Int
                let startColumn: Int
                let endColumn: Int
            }
            let artifactLocation: Artifact
            let region: Region
        }
        let physicalLocation: Physical
    }

    struct Result: Encodable, Sendable {
        struct Properties: Encodable, Sendable {
            let model: String
            let state: String
            let retires: String?
            let replacement: String?
            let migrateTo: String?
            let guide: String?
            let failing: Bool
        }
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let properties: Properties
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
