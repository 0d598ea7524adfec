import Testing
@testable import Scan

@Suite struct GitIgnoreTests {
    func ignored(_ rules: String, _ path: String, directory: Bool = false) -> Bool {
        let parts = path.split(separator: "/").map { Array($0.utf8) }
        return GitIgnore(rules).decision(parts, isDirectory: directory) ?? false
    }

    /// Ten `**` in a row against a folder 60 deep: each (pattern, path) position once, where trying every split
    /// for every `**` doubled with each level (27 s at 26 deep).
    @Test func repeatedDoubleStarsMatchInPolynomialTime() {
        let deep = Array(repeating: "a", count: 60).joined(separator: "/")
        let rule = Array(repeating: "**", count: 10).joined(separator: "/") + "/b"
        #expect(!ignored(rule, deep + "/x.txt"))
        #expect(ignored(rule, deep + "/b"))
        #expect(ignored("**/a/**/a/**/b", deep + "/b") && !ignored("**/a/**/c/**/b", deep + "/b"))
        #expect(ignored("a/**", "a/x") && !ignored("a/**", "a", directory: true))
    }

    @Test func globsMatchNamesAtAnyDepth() {
        #expect(ignored("*.log", "a/b/debug.log"))
        #expect(!ignored("*.log", "a/b/debug.txt"))
        #expect(ignored("debug?.txt", "debug1.txt"))
        #expect(ignored("file[0-9].py", "x/file7.py"))
        #expect(!ignored("file[!0-9].py", "x/file7.py"))
    }

    @Test func trailingSlashMatchesFoldersOnly() {
        #expect(ignored("build/", "src/build", directory: true))
        #expect(!ignored("build/", "src/build", directory: false))
    }

    @Test func aSlashAnchorsThePattern() {
        #expect(ignored("/vendor", "vendor", directory: true))
        #expect(!ignored("/vendor", "src/vendor", directory: true))
        #expect(ignored("docs/*.md", "docs/a.md"))
        #expect(!ignored("docs/*.md", "x/docs/a.md"))
    }

    @Test func doubleStarSpansFolders() {
        #expect(ignored("**/fixtures", "a/b/fixtures", directory: true))
        #expect(ignored("logs/**", "logs/a/b.txt"))
        #expect(ignored("a/**/z.txt", "a/z.txt"))
        #expect(ignored("a/**/z.txt", "a/b/c/z.txt"))
    }

    @Test func negationReincludesAndTheLastPatternWins() {
        let rules = "*.env\n!example.env\n# a comment\n\n"
        #expect(ignored(rules, "prod.env"))
        #expect(!ignored(rules, "example.env"))
        #expect(GitIgnore(rules).decision([Array("example.env".utf8)], isDirectory: false) == false)
        #expect(GitIgnore(rules).decision([Array("main.py".utf8)], isDirectory: false) == nil)
    }

    @Test func escapesAndTrailingSpaces() {
        #expect(ignored("\\#notes", "#notes"))
        #expect(ignored("secret.txt   ", "secret.txt"))
    }
}
