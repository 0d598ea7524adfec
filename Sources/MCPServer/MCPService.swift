import Advisor
import Content
import Foundation
import MCP
import Scan
import Search

/// `haiku-advisor mcp`: the Model Context Protocol over standard input and output, with the official Swift SDK.
/// Tools are `AdvisorTools`; every page is a resource (`haiku-advisor://{section}/{slug}`, Markdown). Nothing but
/// protocol messages goes to standard output.
public enum MCPService {
    public static let resourceScheme = "haiku-advisor://"

    /// Loads the content, builds the search index in memory, and serves until the client closes the connection.
    public static func run(content: String, site: String, version: String) async throws {
        let library = try ContentLibrary.load(directory: content)
        let knowledge = try library.knowledge()
        let tools = AdvisorTools(library: library, knowledge: knowledge, engine: Engine(knowledge: knowledge),
                                 index: try SearchIndex.build(library, at: ":memory:"),
                                 catalog: ModelCatalog(library: library, knowledge: knowledge), site: site)
        let server = Server(name: "haiku-advisor", version: version, title: "haiku-advisor",
                            instructions: "Should this workload run on Claude Haiku, and if not, on what? Use assess "
                                + "with what you know of the workload, price for costs alone, search and get_page for "
                                + "the knowledge behind an answer, list_models for lifecycles, scan for model ids in code.",
                            capabilities: .init(resources: .init(subscribe: false, listChanged: false),
                                                tools: .init(listChanged: false)))
        let declared = tools.tools
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: declared) }
        await server.withMethodHandler(CallTool.self) { params in
            try tools.call(params.name, params.arguments ?? [:])
        }
        let resources = library.pages.map { page in
            Resource(name: page.url, uri: resourceScheme + page.url.dropFirst(), title: page.title,
                     description: PageMarkdown.oneLine(page.summary), mimeType: "text/markdown")
        }
        await server.withMethodHandler(ListResources.self) { _ in ListResources.Result(resources: resources) }
        await server.withMethodHandler(ReadResource.self) { params in
            guard params.uri.hasPrefix(resourceScheme),
                  let page = tools.page(at: String(params.uri.dropFirst(resourceScheme.count))) else {
                throw MCPError.invalidParams("no page at \(params.uri); resources are \(resourceScheme){section}/{slug}")
            }
            return ReadResource.Result(contents: [.text(PageMarkdown.render(page), uri: params.uri, mimeType: "text/markdown")])
        }
        try await server.start(transport: ScreeningStdioTransport())
        await server.waitUntilCompleted()
    }
}
