import Foundation

/// Every word of the index (unstemmed, as unicode61 folds it) with the number of sections it occurs in: what
/// "did you mean" corrects towards and what run-together words are split into. Built from fts5vocab at index
/// time, loaded into memory when the index opens.
struct Vocabulary: Sendable {
    private let counts: [String: Int]
    /// Sorted, for prefix look-ups (the word being typed).
    private let sorted: [String]
    /// Words by their length in characters, for corrections.
    private let byLength: [Int: [[Character]]]

    init(_ counts: [String: Int]) {
        self.counts = counts
        sorted = counts.keys.sorted()
        var byLength: [Int: [[Character]]] = [:]
        for word in counts.keys where word.count >= 3 && word.contains(where: \.isLetter) {
            byLength[word.count, default: []].append(Array(word))
        }
        self.byLength = byLength
    }

    /// Longer "words" are not words: never split or corrected (their cost grows with the square of the length).
    static let longestWord = 40

    func count(_ word: String) -> Int { counts[word] ?? 0 }
    func contains(_ word: String) -> Bool { counts[word] != nil }

    /// Whether some word starts with `prefix`.
    func hasPrefix(_ prefix: String) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low].hasPrefix(prefix)
    }

    /// A word cut into known words (`ratelimit` -> rate limit, `gpt4o` -> gpt 4o, `haiku4` -> haiku 4), at most
    /// three parts; the cut whose rarest part is most common wins. A known word is cut only when it is rare and its
    /// parts are common (`ratelimit` from a header name, against "rate limit" everywhere).
    func split(_ word: String) -> [String]? {
        guard word.count <= Self.longestWord, let best = bestSplit(Array(word), parts: 3) else { return nil }
        return count(word) == 0 || best.weight >= 10 * count(word) ? best.words : nil
    }

    private func bestSplit(_ characters: [Character], parts: Int) -> (words: [String], weight: Int)? {
        guard characters.count >= 2, parts >= 2 else { return nil }
        var best: (words: [String], weight: Int)?
        for cut in 1..<characters.count {
            let head = String(characters[..<cut]), tailCharacters = Array(characters[cut...])
            guard Self.plausiblePart(head), contains(head) else { continue }
            let tail = String(tailCharacters)
            var candidate: (words: [String], weight: Int)?
            if Self.plausiblePart(tail), contains(tail) {
                candidate = ([head, tail], min(count(head), count(tail)))
            } else if let rest = bestSplit(tailCharacters, parts: parts - 1) {
                candidate = ([head] + rest.words, min(count(head), rest.weight) / 2)  // fewer parts first
            }
            if let candidate, candidate.weight > (best?.weight ?? 0) { best = candidate }
        }
        return best
    }

    /// One letter alone is not a word worth splitting off (`a`, `s`), a number is (`4`).
    private static func plausiblePart(_ part: String) -> Bool {
        part.count >= 2 || part.allSatisfy(\.isNumber)
    }

    /// The nearest known word: edit distance (with transpositions) at most 1 for words of up to 5 characters,
    /// 2 above; the nearest first, then one that holds every letter typed, in order (a letter left out, the commonest
    /// slip: `limt` is `limit` before `list`, which has more uses), then the most common. Numbers and short words are
    /// never corrected.
    func correction(_ word: String) -> String? {
        let characters = Array(word)
        guard (3...Self.longestWord).contains(characters.count), word.contains(where: \.isLetter) else { return nil }
        let limit = characters.count <= 5 ? 1 : 2
        var best: (word: String, distance: Int, omission: Bool, count: Int)?
        for length in (characters.count - limit)...(characters.count + limit) {
            for candidate in byLength[length] ?? [] {
                // Typos rarely change both of the first two letters: a cheap filter before the distance.
                guard candidate[0] == characters[0] || candidate[1] == characters[1]
                        || (candidate[0] == characters[1] && candidate[1] == characters[0]) else { continue }
                guard let distance = Self.distance(characters, candidate, limit: limit) else { continue }
                let text = String(candidate)
                let omission = candidate.count > characters.count && Self.isSubsequence(characters, of: candidate)
                let frequency = count(text)
                let better: Bool
                if let best {
                    better = distance != best.distance ? distance < best.distance
                        : omission != best.omission ? omission : frequency > best.count
                } else {
                    better = true
                }
                if better { best = (text, distance, omission, frequency) }
            }
        }
        return best?.word
    }

    /// Whether every character of `typed` appears in `word`, in order.
    static func isSubsequence(_ typed: [Character], of word: [Character]) -> Bool {
        var i = 0
        for character in word where i < typed.count && character == typed[i] { i += 1 }
        return i == typed.count
    }

    /// Optimal string alignment distance, or nil when it exceeds `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
