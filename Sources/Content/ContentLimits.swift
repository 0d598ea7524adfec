/// Bounds on what one content file may cost to read, parse and index. A file over one of them is refused with its
/// path, line and the limit, so that no file can hang `check`, `index` or `serve`, or starve the search.
public struct ContentLimits: Sendable {
    /// The largest page file, in bytes (`--max-page-kib`, default 4 MiB).
    public var maxPageBytes: Int
    /// The largest front-matter block, in bytes.
    public var maxFrontMatterBytes: Int
    /// The deepest nesting of mappings and lists in the front matter.
    public var maxFrontMatterDepth: Int
    /// The most YAML nodes (values, lists, mappings) in one front matter.
    public var maxFrontMatterNodes: Int

    public init(maxPageBytes: Int = 4 * 1024 * 1024, maxFrontMatterBytes: Int = 64 * 1024, maxFrontMatterDepth: Int = 16,
                maxFrontMatterNodes: Int = 20_000) {
        self.maxPageBytes = maxPageBytes
        self.maxFrontMatterBytes = maxFrontMatterBytes
        self.maxFrontMatterDepth = maxFrontMatterDepth
        self.maxFrontMatterNodes = maxFrontMatterNodes
    }
}
