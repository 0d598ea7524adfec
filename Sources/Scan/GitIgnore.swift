/// The patterns of one `.gitignore` file, matched as git matches them, for the subset of the syntax that
/// repositories use (gitignore(5)):
/// - blank lines and `#` comments are skipped; `\#` and `\!` escape a leading `#` or `!`; trailing spaces are
///   dropped;
/// - `!pattern` re-includes what an earlier pattern excluded (the last matching pattern wins);
/// - `dir/` matches directories only;
/// - a pattern with a `/` at its start or middle is anchored to the `.gitignore`'s folder; otherwise it matches
///   a name at any depth below it;
/// - `*` and `?` match within a path component, `[abc]`, `[a-z]` and `[!a]` are character classes, `**/`,
///   `/**` and `/**/` match any number of folders.
/// Not supported: `core.excludesFile`, `.git/info/exclude`, and re-including a file whose folder is excluded
/// (git cannot do that either: an excluded folder is not entered).
public struct GitIgnore: Sendable {
    struct Pattern: Sendable {
        /// Components of the glob, split at `/`; `**` stays a component of its own.
        let parts: [[UInt8]]
        let negated: Bool
        let directoryOnly: Bool
        /// Matches at any depth (no `/` but a trailing one): only the last path component is compared.
        let basenameOnly: Bool
    }

    let patterns: [Pattern]

    public init(_ text: String) {
        var patterns: [Pattern] = []
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Array(rawLine.utf8)
            // Trailing spaces go unless escaped with a backslash.
            while let last = line.last, last == UInt8(ascii: " "),
                  !(line.count >= 2 && line[line.count - 2] == UInt8(ascii: "\\")) { line.removeLast() }
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            var negated = false
            if first == UInt8(ascii: "!") {
                negated = true
                line.removeFirst()
            } else if first == UInt8(ascii: "\\"), line.count > 1,
                      line[1] == UInt8(ascii: "#") || line[1] == UInt8(ascii: "!") {
                line.removeFirst()
            }
            var directoryOnly = false
            if line.last == UInt8(ascii: "/") {
                directoryOnly = true
                line.removeLast()
            }
            guard !line.isEmpty else { continue }
            let anchored = line.contains(UInt8(ascii: "/"))
            if line.first == UInt8(ascii: "/") { line.removeFirst() }
            let parts = line.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map(Array.init)
            guard !parts.isEmpty else { continue }
            patterns.append(Pattern(parts: parts, negated: negated, directoryOnly: directoryOnly,
                                    basenameOnly: !anchored))
        }
        self.patterns = patterns
    }

    /// Whether the file's patterns decide about `path` (components relative to the `.gitignore`'s folder):
    /// `true` ignored, `false` re-included, nil when no pattern matches.
    func decision(_ path: [[UInt8]], isDirectory: Bool) -> Bool? {
        for pattern in patterns.reversed() {
            if pattern.directoryOnly && !isDirectory { continue }
            let matched = pattern.basenameOnly
                ? path.last.map { Self.glob(pattern.parts[0], $0) } ?? false
                : Self.matchParts(pattern.parts[...], path[...])
            if matched { return !pattern.negated }
        }
        return nil
    }

    /// Matches path components against glob components, `**` spanning any number of them.
    /// Dynamic programming over (pattern position, path position), filled from the ends, each pair once: trying
    /// every split for every `**` took 27 s for `**/**/**/**/**/**/**/**/**/**/b` against a folder 26 deep, and
    /// doubled with each level (a hostile repository could stall a CI job that scans it).
    static func matchParts(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>) -> Bool {
        let parts = Array(pattern), names = Array(path)
        let p = parts.count, n = names.count
        let doubleStar: [UInt8] = [UInt8(ascii: "*"), UInt8(ascii: "*")]
        // `matches[j]` for the row below: whether parts[i+1...] matches names[j...].
        var below = [Bool](repeating: false, count: n + 1)
        below[n] = true  // the empty pattern matches only the empty path
        for i in stride(from: p - 1, through: 0, by: -1) {
            var row = [Bool](repeating: false, count: n + 1)
            if parts[i] == doubleStar {
                if i == p - 1 {
                    // A trailing `/**` matches everything inside, but not the folder itself.
                    for j in 0..<n { row[j] = true }
                } else {
                    // Zero folders, or one more and the same `**` again.
                    row[n] = below[n]
                    for j in stride(from: n - 1, through: 0, by: -1) { row[j] = below[j] || row[j + 1] }
                }
            } else {
                for j in 0..<n where below[j + 1] { row[j] = glob(parts[i], names[j]) }
            }
            below = row
        }
        return below[0]
    }

    /// Matches one path component against a glob: `*`, `?`, `[...]`, `\x`.
    static func glob(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
        var p = 0, n = 0
        var starP = -1, starN = 0
        while n < name.count {
            if p < pattern.count {
                let c = pattern[p]
                if c == UInt8(ascii: "*") {
                    starP = p
                    starN = n
                    p += 1
                    continue
                }
                if c == UInt8(ascii: "?") {
                    p += 1
                    n += 1
                    continue
                }
                if c == UInt8(ascii: "["), let (matches, next) = characterClass(pattern, p, name[n]) {
                    if matches {
                        p = next
                        n += 1
                        continue
                    }
                } else {
                    var literal = c
                    var next = p + 1
                    if c == UInt8(ascii: "\\"), p + 1 < pattern.count {
                        literal = pattern[p + 1]
                        next = p + 2
                    }
                    if literal == name[n] {
                        p = next
                        n += 1
                        continue
                    }
                }
            }
            // Mismatch: let the last `*` take one more byte, or fail.
            guard starP >= 0 else { return false }
            starN += 1
            n = starN
            p = starP + 1
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    /// `[...]` at `start`: whether `byte` is in the class, and where the pattern continues; nil when unclosed.
    private static func characterClass(_ pattern: [UInt8], _ start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.count, pattern[i] == UInt8(ascii: "!") || pattern[i] == UInt8(ascii: "^") {
            negate = true
            i += 1
        }
        var found = false
        var first = true
        while i < pattern.count, first || pattern[i] != UInt8(ascii: "]") {
            first = false
            let low = pattern[i]
            if i + 2 < pattern.count, pattern[i + 1] == UInt8(ascii: "-"), pattern[i + 2] != UInt8(ascii: "]") {
                if byte >= low && byte <= pattern[i + 2] { found = true }
                i += 3
            } else {
                if byte == low { found = true }
                i += 1
            }
        }
        guard i < pattern.count else { return nil }
        return (found != negate, i + 1)
    }
}
