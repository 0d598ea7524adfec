import Foundation
import Testing
@testable import TemplateCompiler

/// The template compiler: Mustache's whitespace rules as swift-mustache applied them, and keys checked by the Swift
/// compiler (a misspelled key fails the build, at the template's line).
struct TemplateCompilerTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The run-time helpers the generated code is written against, as the Web target compiles them.
    static let runtime = ["Sources/Web/TemplateRuntime.swift", "Sources/Web/HTMLText.swift"].map { repositoryRoot + "/" + $0 }

    static let model = """
        struct Tiny: ViewModel {
            let title: String
            let helpURL: String
            let items: [Item]
            let note: String?
            let shown: Bool
        }
        struct Item: ViewModel {
            let label: String
            let badge: Badge?
        }
        struct Badge: ViewModel {
            let text: String
        }
        """

    /// Compiles `template` as the page `tiny`, then type-checks the generated Swift with the view model above;
    /// returns swiftc's exit status and messages.
    func typecheck(_ template: String) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let templatePath = directory.appendingPathComponent("tiny.mustache").path
        let generated = try TemplateCompiler.compile(["tiny": (templatePath, template)])
        let generatedPath = directory.appendingPathComponent("Generated.swift").path
        let modelPath = directory.appendingPathComponent("Model.swift").path
        try generated.write(toFile: generatedPath, atomically: true, encoding: .utf8)
        try Self.model.write(toFile: modelPath, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", "-parse-as-library", generatedPath, modelPath] + Self.runtime
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func correctKeysTypeCheck() throws {
        let result = try typecheck("""
            {{! view: Tiny }}
            <h1>{{title}}</h1><a href="{{help_url}}">help</a>
            {{#items}}<li>{{label}}{{#badge.text}} ({{badge.text}}){{/badge.text}}</li>{{/items}}
            {{#note}}<p>{{note}}</p>{{/note}}{{^shown}}hidden{{/shown}}
            """)
        #expect(result.status == 0, "\(result.output)")
    }

    /// The test the issue asks for: a misspelled key is a build error, reported at the template's line.
    @Test func misspelledKeyFailsTheBuild() throws {
        let result = try typecheck("""
            {{! view: Tiny }}
            <h1>{{title}}</h1>
            {{#items}}<li>{{lable}}</li>{{/items}}
            """)
        #expect(result.status != 0)
        #expect(result.output.contains("tiny.mustache:3"), "\(result.output)")
        #expect(result.output.contains("value of type 'Item' has no member 'lable'"), "\(result.output)")
    }

    @Test func missingKeyOnThePageFailsTheBuild() throws {
        let result = try typecheck("{{! view: Tiny }}\n<p>{{summary}}</p>\n")
        #expect(result.status != 0)
        #expect(result.output.contains("tiny.mustache:2"), "\(result.output)")
        #expect(result.output.contains("no member 'summary'"), "\(result.output)")
    }

    @Test func pageTemplateMustDeclareItsView() {
        #expect(throws: CompileError.self) { try TemplateCompiler.compile(["tiny": ("tiny.mustache", "<p>{{title}}</p>")]) }
    }

    @Test func syntaxErrorsNameTheLine() {
        do {
            _ = try TemplateCompiler.compile(["tiny": ("tiny.mustache", "{{! view: Tiny }}\n{{#items}}\n<p>\n{{/item}}\n")])
            Issue.record("an unbalanced section compiled")
        } catch {
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("tiny.mustache:4: error:"))
        }
    }

    @Test(arguments: [
        ("title", "title"), ("help_url", "helpURL"), ("has_toc", "hasTOC"), ("export_csv", "exportCSV"),
        ("class", "`class`"), ("section_title", "sectionTitle"), ("id", "id"),
    ])
    func keysBecomeSwiftNames(key: String, name: String) {
        #expect(Generator.swiftName(key) == name)
    }

    /// Standalone tags take their line with them; inline ones leave the text around them alone.
    @Test func standaloneLines() throws {
        let tokens = try TemplateParser.parse("<ul>\n  {{#items}}\n  <li>{{label}}</li>\n  {{/items}}\n</ul>\n", file: "t")
        guard tokens.count == 3, case .text("<ul>\n") = tokens[0].kind, case .section("items", let body, false) = tokens[1].kind,
              case .text("</ul>\n") = tokens[2].kind else {
            Issue.record("unexpected tokens \(tokens)")
            return
        }
        guard body.count == 3, case .text("  <li>") = body[0].kind, case .variable("label", true) = body[1].kind,
              case .text("</li>\n") = body[2].kind else {
            Issue.record("unexpected body \(body)")
            return
        }
    }
}
