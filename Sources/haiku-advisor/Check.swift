import ArgumentParser
import Content

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate all content; print every error as path:line: message.")

    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        do {
            let library = try ContentLibrary.load(directory: contentOptions.content)
            _ = try library.knowledge()
            print("ok: \(library.pages.count) pages checked")
        } catch {
            print(error.description)
            printError("\(error.errors.count) error(s)")
            throw ExitCode.failure
        }
    }
}
