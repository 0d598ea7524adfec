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
        .target(name: "Search", dependencies: ["CSQLite", "Content"]),
        // templates/*.mustache compiled into Swift at build time: the compiler, and the plugin that runs it for Web.
        .executableTarget(name: "TemplateCompiler"),
        .plugin(name: "CompileTemplates", capability: .buildTool(), dependencies: ["TemplateCompiler"]),

        // Routing, responders, templates, static files and the libmicrohttpd server (the only MHD user).
        .target(name: "Web", dependencies: [
            "CMicroHTTPD", "Content", "Search", "Advisor",
        ], plugins: ["CompileTemplates"]),
        .executableTarget(name: "haiku-advisor", dependencies: [
            "Web", "Content", "Search", "Advisor",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "AdvisorTests", dependencies: ["Advisor"], exclude: ["Fixtures"]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "TemplateCompilerTests", dependencies: ["TemplateCompiler"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Content"]),
        .testTarget(name: "WebTests", dependencies: ["Web", "Content", "Search", "Advisor"]),
    ]
)
