// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "haiku-advisor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "haiku-advisor", targets: ["haiku-advisor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The official Model Context Protocol SDK, for `haiku-advisor mcp`.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    ],
    targets: [
        // The three C libraries: a modulemap and a shim header each, nothing else.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),

        // The decision engine: pure Swift, no C, no I/O.
        .target(name: "Advisor"),
        // Front matter, pages, the content library and Markdown rendering (the only cmark user).
        .target(name: "Content", dependencies: ["CCMark", "Advisor", "Yams"]),
        // SQLite and the FTS5 index (the only sqlite3 user).
        .target(name: "Search", dependencies: ["CSQLite", "Content", "Advisor"]),
        // templates/*.mustache compiled into Swift at build time: the compiler, and the plugin that runs it for Web.
        .executableTarget(name: "TemplateCompiler"),
        .plugin(name: "CompileTemplates", capability: .buildTool(), dependencies: ["TemplateCompiler"]),

        // Routing, responders, templates, static files and the libmicrohttpd server (the only MHD user).
        .target(name: "Web", dependencies: [
            "CMicroHTTPD", "Content", "Search", "Advisor", "Scan", "Usage",
        ], plugins: ["CompileTemplates"]),
        // The lifecycle lint (`haiku-advisor scan`): model ids in files, judged by the engine's lifecycle.
        .target(name: "Scan", dependencies: ["Advisor", "Content"]),
        // The usage import (`assess --usage`, the upload on /assess): one reader per file format, and what is derived
        // from a file (distribution, peak, models in use with their lifecycle through the scan's catalog).
        .target(name: "Usage", dependencies: ["Advisor", "Scan"]),
        // The MCP server (`haiku-advisor mcp`): the engine, search, pages and scan as MCP tools and resources.
        .target(name: "MCPServer", dependencies: [
            "Advisor", "Content", "Search", "Scan", "Usage", "Web", .product(name: "MCP", package: "swift-sdk"),
        ]),
        .executableTarget(name: "haiku-advisor", dependencies: [
            "Web", "Content", "Search", "Advisor", "Scan", "MCPServer", "Usage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The engine's tests read the real content through Content, as the server does.
        .testTarget(name: "AdvisorTests", dependencies: ["Advisor", "Content"], exclude: ["Fixtures"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "TemplateCompilerTests", dependencies: ["TemplateCompiler"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Content", "Advisor"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "Content", "Search", "Advisor"]),
        .testTarget(name: "ScanTests", dependencies: ["Scan", "Content", "Advisor"]),
        .testTarget(name: "UsageTests", dependencies: ["Usage", "Scan", "Content", "Advisor"], exclude: ["Fixtures"]),
    ]
)
