import Foundation

/// The template compiler the build runs (Plugins/CompileTemplates): reads every `*.mustache` of a directory and
/// writes one Swift file with a render function per page template.
///
///     TemplateCompiler TEMPLATES_DIRECTORY OUTPUT.swift
///
/// A template that does not parse is reported as `path:line: error: message` and fails the build; a key the view
/// model does not have fails the build when the generated Swift is compiled, at the template's line.
@main
struct TemplateCompiler {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: TemplateCompiler TEMPLATES_DIRECTORY OUTPUT.swift\n".utf8))
            exit(2)
        }
        do {
            let swift = try compile(directory: arguments[1])
            // Written only when it changes, so an unchanged template set compiles nothing again.
            let output = URL(fileURLWithPath: arguments[2])
            if (try? String(contentsOf: output, encoding: .utf8)) != swift {
                try Data(swift.utf8).write(to: output, options: .atomic)
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
    }

    /// The Swift source for every template in `directory`.
    static func compile(directory: String) throws -> String {
        let root = URL(fileURLWithPath: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }
        var templates: [String: (path: String, source: String)] = [:]
        for file in names.sorted() {
            let path = root.appendingPathComponent(file).path
            guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CompileError(file: path, line: 1, message: "not readable as UTF-8")
            }
            templates[String(file.dropLast(".mustache".count))] = (path, source)
        }
        return try compile(templates)
    }

    /// The Swift source for templates given by name (file name without `.mustache`), with their paths.
    static func compile(_ templates: [String: (path: String, source: String)]) throws(CompileError) -> String {
        try Generator(templates: templates).generate()
    }
}
