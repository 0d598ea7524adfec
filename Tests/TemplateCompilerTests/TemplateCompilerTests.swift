import Foundation
import Testing
@testable import TemplateCompiler

/// The template compiler: Mustache's whitespace rules as swift-mustache applied them, and keys checked by the Swift
/// compiler (a misspelled key fails the build, at the template's line).
struct TemplateCompilerTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The run-time helpers the generated code is written against, as the Web target compiles them.
    static let runtime = ["Sources/Web/TemplateRuntime.swift", "Sources/Web/HTMLText.swift", "Sources/Web/ByteWord.swift"].map { repositoryRoot + "/" + $0 }

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

    /// Compiles `template` as the page `tiny` (with `partials`, by name), then type-checks the generated Swift with
    /// the view model above; returns swiftc's exit status and messages. With `main`, builds and runs it instead, and
    /// returns what it prints.
    func swiftc(_ template: String, partials: [String: String] = [:], main: String? = nil) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var templates = ["tiny": (directory.appendingPathComponent("tiny.mustache").path, template)]
        for (name, source) in partials { templates[name] = (directory.appendingPathComponent("\(name).mustache").path, source) }
        let generated = try TemplateCompiler.compile(templates)
        let generatedPath = directory.appendingPathComponent("Generated.swift").path
        let modelPath = directory.appendingPathComponent("Model.swift").path
        try generated.write(toFile: generatedPath, atomically: true, encoding: .utf8)
        try Self.model.write(toFile: modelPath, atomically: true, encoding: .utf8)
        var arguments = [generatedPath, modelPath] + Self.runtime
        let executable = directory.appendingPathComponent("tiny").path
        if let main {
            let mainPath = directory.appendingPathComponent("main.swift").path
            try main.write(toFile: mainPath, atomically: true, encoding: .utf8)
            arguments = ["-o", executable, mainPath] + arguments
        } else {
            arguments = ["-typecheck", "-parse-as-library"] + arguments
        }
        let compiled = try run("/usr/bin/env", ["swiftc"] + arguments)
        guard main != nil, compiled.status == 0 else { return compiled }
        return try run(executable, [])
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func typecheck(_ template: String) throws -> (status: Int32, output: String) { try swiftc(template) }

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

    /// Rendering, run for real: escaping, sections by type, and a partial included alone on an indented line,
    /// indented per tag as swift-mustache did (so each element after the first starts its first line unindented,
    /// as the questionnaire's fields always have).
    @Test func rendersAsSwiftMustacheDid() throws {
        let result = try swiftc("""
            {{! view: Tiny }}
            <ul title="{{title}}">
              {{> _items}}
            </ul>
            {{#note}}<p>{{note}}</p>{{/note}}{{^note}}no note{{/note}}{{#shown}} shown{{/shown}}
            """, partials: ["_items": """
            {{#items}}
            <li>
              {{label}}{{#badge}} [{{text}}]{{/badge}}
            </li>
            {{/items}}

            """], main: """
            var out = HTMLBuffer()
            Tiny(title: "a \\u{22}quoted\\u{22} <title>", helpURL: "", items: [Item(label: "Tom & 'Jerry'", badge: nil),
                 Item(label: "b", badge: Badge(text: "new"))], note: nil, shown: true).render(into: &out)
            print(String(decoding: out.bytes, as: UTF8.self), terminator: "")
            """)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == """
            <ul title="a &quot;quoted&quot; &lt;title&gt;">
              <li>
                Tom &amp; &#39;Jerry&#39;
              </li>
            <li>
                b [new]
              </li>
            </ul>
            no note shown
            """)
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
