import Foundation
import PackagePlugin

/// Compiles templates/*.mustache into Swift for the target that uses the plugin (Web), with TemplateCompiler.
/// Every template is an input of the command, so editing one compiles it again on the next `swift build`.
@main
struct CompileTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "templates")
        let inputs = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "CompiledTemplates.swift")
        return [
            .buildCommand(displayName: "Compiling \(inputs.count) templates",
                          executable: try context.tool(named: "TemplateCompiler").url,
                          arguments: [directory.path, output.path],
                          inputFiles: inputs,
                          outputFiles: [output]),
        ]
    }
}
