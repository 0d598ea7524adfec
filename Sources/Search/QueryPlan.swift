import Foundation

/// One word the person typed (a run of non-space characters) as the index's tokens: `gpt-4o-mini` is one word of
/// three tokens and is searched as the phrase "gpt 4o mini", so names stay searchable as written.
struct QueryWord: Equatable {
    let text: String
    let tokens: [String]
}

/// What one typed word may match: any of its alternatives, each a phrase of tokens. The word as typed comes first;
/// a run-together word adds its split (`ratelimit`: "rate limit"), two adjacent words their join.
struct TermGroup: Equatable {
    var words: [QueryWord]
    var alternatives: [[String]]
    /// The last token of the first alternative is a prefix: the word may still be being typed.
    var prefix: Bool

    /// Each alternative as an FTS5 phrase, in the expression's order.
    var phrases: [String] {
        alternatives.enumerated().map { index, tokens in
            tokens.enumerated().map { position, token in
                "\"\(token)\"" + (prefix && index == 0 && position == tokens.count - 1 ? "*" : "")
            }.joined(separator: " + ")
        }
    }

    var expression: String {
        let phrases = self.phrases
        return phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")"
    }

    var text: String { words.map(\.text).joined(separator: " ") }
}

/// A query turned into term groups that cannot fail as FTS5 MATCH expressions: every token is letters and digits
/// only, double-quoted; FTS5 syntax typed by a person (`"`, `NEAR(`, `*`, `^`, `-`, `col:`) is just separators.
struct QueryPlan: Equatable {
    /// More words than this add nothing a person meant and cost time.
    static let maxWords = 12
    /// Nor do more tokens than these in one word, or in all: a word is searched as a phrase, and FTS5 takes time that
    /// grows with the square of a phrase's length (500 `a-a-a…` tokens, under the byte limit, took the whole 1 s
    /// budget; 16 take a millisecond). The longest model id people paste, `us.anthropic.claude-haiku-4-5-20251001-v1:0`,
    /// is 9 tokens.
    static let maxTokensPerWord = 16
    static let maxTokens = 48

    let groups: [TermGroup]

    /// Every group must match (AND).
    var all: String? { groups.isEmpty ? nil : groups.map(\.expression).joined(separator: " AND ") }
    /// Any group may match (OR).
    var any: String? { groups.isEmpty ? nil : groups.map(\.expression).joined(separator: " OR ") }
    /// Each phrase of `all` and `any`, in order, as the number of its group ("0 0 1": the first word has two
    /// alternatives): what `RankFunction` needs to tell which words a column holds.
    var phraseGroups: String {
        groups.enumerated().flatMap { index, group in Array(repeating: String(index), count: group.alternatives.count) }
            .joined(separator: " ")
    }
    /// Each phrase of `all` and `any`, in FTS5's order, separated by U+001F: what `RankFunction` keys the phrases'
    /// row counts by (a phrase's IDF is the index's, whatever the query).
    var phraseTexts: String { groups.flatMap(\.phrases).joined(separator: "\u{1F}") }
    /// The words to mark in a page: every token of every alternative.
    var terms: [String] {
        var seen = Set<String>()
        return groups.flatMap { $0.alternatives.joined() }.filter { $0.count >= 2 && seen.insert($0).inserted }
    }
    /// The query's tokens in order, to compare with a title or alias as a whole.
    var key: String { keyTokens.joined(separator: " ") }
    var keyTokens: [String] { groups.flatMap(\.words).flatMap(\.tokens) }

    init(groups: [TermGroup]) {
        self.groups = groups
    }

    init(_ text: String, vocabulary: Vocabulary?) {
        var words = Self.words(in: text)
        // Question words are not required ("how do I cut my bill" is about cutting a bill), unless that is all. In a
        // yes-or-no question the verb asking about a feature is one too: "does haiku support 1m context" asks about
        // Haiku's context, and "support" would match a support assistant.
        let question = words.first.map { $0.tokens.count == 1 && StopWords.questionOpeners.contains($0.tokens[0]) } ?? false
        let content = words.filter {
            $0.tokens.count != 1 || !(StopWords.contains($0.tokens[0]) || question && StopWords.featureVerbs.contains($0.tokens[0]))
        }
        if !content.isEmpty { words = content }
        let endsInSpace = text.last.map { $0.isWhitespace } ?? true
        var groups: [TermGroup] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            var group = TermGroup(words: [word], alternatives: [word.tokens], prefix: false)
            // A pasted exception name (`openai.RateLimitError`) is found by its class alone as well: the module in
            // front of it is the SDK's, not something a page says next to it.
            if let name = Self.dottedName(word) { group.alternatives.append([name]) }
            if let vocabulary {
                if index + 1 < words.count, let joined = Self.join(word, words[index + 1], vocabulary) {
                    group = TermGroup(words: [word, words[index + 1]], alternatives: [word.tokens + words[index + 1].tokens, [joined]],
                                      prefix: false)
                    index += 1
                } else if let split = Self.split(word.tokens, vocabulary, last: index == words.count - 1 && !endsInSpace) {
                    group.alternatives.append(split)
                }
            }
            groups.append(group)
            index += 1
        }
        // The last word may be half typed: a prefix, when it is long enough to mean something.
        if !endsInSpace, var last = groups.popLast() {
            last.prefix = (last.alternatives[0].last?.count ?? 0) >= 2
            groups.append(last)
        }
        self.groups = groups
    }

    /// The same query with some words replaced (a correction), as a person would type it.
    func text(replacing replacements: [String: String]) -> String {
        groups.flatMap(\.words).map { word in
            word.tokens.count == 1 ? replacements[word.tokens[0]] ?? word.text : word.text
        }.joined(separator: " ")
    }

    /// The last part of a dotted name of letters only (`anthropic.RateLimitError`: `ratelimiterror`), when it is long
    /// enough to name something (five letters or more); nil for anything else (`claude-3.5-sonnet`, `api.example.com`).
    static func dottedName(_ word: QueryWord) -> String? {
        let parts = word.text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, word.tokens.count == parts.count,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0 == "_" } }),
              let last = word.tokens.last, last.count >= 5 else { return nil }
        return last
    }

    static func words(in text: String) -> [QueryWord] {
        var words: [QueryWord] = []
        var total = 0
        for chunk in text.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            let tokens = tokenize(String(chunk)).prefix(Swift.min(maxTokensPerWord, maxTokens - total))
            if !tokens.isEmpty { words.append(QueryWord(text: String(chunk), tokens: Array(tokens))) }
            total += tokens.count
            if words.count == maxWords || total == maxTokens { break }
        }
        return words
    }

    /// unicode61's view of a text: case and diacritics folded, runs of letters and digits.
    static func tokenize(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                current.append(scalar)
            default:
                if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// Two one-token words whose join is a word at least as common as the rarer of them (`time out` -> timeout);
    /// a rare join of two common words (`rate limit` -> a header's `ratelimit`) is left alone.
    private static func join(_ first: QueryWord, _ second: QueryWord, _ vocabulary: Vocabulary) -> String? {
        guard first.tokens.count == 1, second.tokens.count == 1 else { return nil }
        let joined = first.tokens[0] + second.tokens[0]
        let joinedCount = vocabulary.count(joined)
        return joinedCount > 0 && joinedCount >= min(vocabulary.count(first.tokens[0]), vocabulary.count(second.tokens[0]))
            ? joined : nil
    }

    /// The word's tokens with every unknown one cut into known ones, or nil when none could be.
    private static func split(_ tokens: [String], _ vocabulary: Vocabulary, last: Bool) -> [String]? {
        var changed = false
        var result: [String] = []
        for (position, token) in tokens.enumerated() {
            let typing = last && position == tokens.count - 1 && !vocabulary.contains(token) && vocabulary.hasPrefix(token)
            if !typing, let parts = vocabulary.split(token) {
                result += parts
                changed = true
            } else {
                result.append(token)
            }
        }
        return changed ? result : nil
    }
}

/// Words of a question that say nothing about its subject.
enum StopWords {
    static func contains(_ token: String) -> Bool { words.contains(token) }

    static let words: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "about", "as", "into",
        "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "can", "could", "should", "would", "will",
        "shall", "may", "might", "must", "have", "has", "had", "get", "got",
        "how", "what", "why", "when", "where", "which", "who", "whom", "whose",
        "i", "me", "my", "we", "us", "our", "you", "your", "it", "its", "this", "that", "these", "those", "there",
        "if", "so", "than", "then", "any", "some", "there", "their", "they", "them", "he", "she", "his", "her",
        "use", "using", "not", "no", "vs", "versus", "please", "way", "ways", "best", "good", "much", "many",
    ]

    /// The first words of a yes-or-no question ("does haiku support ...", "can gpt 6 luna handle ...").
    static let questionOpeners: Set<String> = ["does", "do", "can", "will", "is", "are"]
    /// Verbs such a question asks a feature with; elsewhere they are kept ("support tickets", "handle 429").
    static let featureVerbs: Set<String> = ["support", "supports", "handle", "handles", "allow", "allows", "offer", "offers", "accept", "accepts"]
}
