import CSQLite

/// An FTS5 auxiliary function, `advisor_excerpt(sections_fts, open, close, ellipsis, matching, column, tokens, ...)`,
/// that returns `snippet()`'s excerpt of one column of the row (which one: at `excerpt` below), tokenizing the chunk
/// once, only as far as the last match's excerpt could reach, and in Swift (TokenBoundaries.swift) rather than
/// through FTS5's tokenizer where the text allows. With one column, `advisor_excerpt(t, o, c, e, 1, column, tokens)`
/// is `snippet(t, column, o, c, e, tokens)`.
/// FTS5's own `snippet()` (fts5_aux.c, SQLite 3.40) tokenizes the whole column twice, once to find where sentences
/// start and once to copy the excerpt: most of a search on the real content, whose chunks run to several kilobytes.
///
/// It makes the same choice as `snippet()`, step by step (a test holds the two byte-identical on every row of the
/// real content's queries): each match in the column scores the window of `tokens` tokens from it (1,000 for each
/// phrase, 1 for each repeat) and proposes that window centred on its matches; the sentence holding the match,
/// when it starts earlier, scores its own window plus 100 (120 at the start of the text); the best score wins, the
/// first on ties. A sentence starts at the first token, and at a token after white space that follows `.` or `:`.
/// Overlapping matches are marked as one; a window that does not start the text begins with the ellipsis; one that
/// does not reach the last token ends with it, else with the rest of the text.
enum SnippetFunction {
    static func register(on connection: Connection, api: UnsafeMutablePointer<fts5_api>) throws(SQLiteError) {
        // The token boundaries come from a table built once from unicode61 (TokenBoundaries.swift); without it,
        // every excerpt asks FTS5's tokenizer.
        let boundaries = TokenBoundaries.shared(api: api).map { Unmanaged.passRetained($0).toOpaque() }
        let release: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
            if let pointer { Unmanaged<TokenBoundaries>.fromOpaque(pointer).release() }
        }
        guard api.pointee.xCreateFunction(api, "advisor_excerpt", boundaries, excerpt, release) == SQLITE_OK else {
            throw connection.error(SQLITE_ERROR, "fts5 xCreateFunction")
        }
    }
}

/// What the tokenizer callback records, up to `limit` tokens: each token's byte range, and where sentences start.
private final class Tokens {
    let limit: Int
    let text: UnsafePointer<UInt8>
    // Written for every token, by the one callback of one call: no dynamic exclusivity checks.
    @exclusivity(unchecked) var starts: [Int32] = [], ends: [Int32] = []
    @exclusivity(unchecked) var sentences: [Int] = []

    init(limit: Int, text: UnsafePointer<UInt8>) {
        self.limit = limit
        self.text = text
    }
}

private let onToken: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32 = {
    context, flags, _, _, start, end in
    guard let context else { return SQLITE_ERROR }
    // A colocated token (a synonym) stands at the position of the one before it.
    guard flags & FTS5_TOKEN_COLOCATED == 0 else { return SQLITE_OK }
    let tokens = Unmanaged<Tokens>.fromOpaque(context).takeUnretainedValue()
    let position = tokens.starts.count
    guard position < tokens.limit else { return SQLITE_DONE }  // the rest of the text is not tokenized
    tokens.noteSentence(at: position, start: start)
    tokens.starts.append(start)
    tokens.ends.append(end)
    return SQLITE_OK
}

extension Tokens {
    /// fts5SentenceFinderCb: a sentence starts at the first token, and at a token after white space that follows a
    /// full stop or a colon.
    func noteSentence(at position: Int, start: Int32) {
        if position == 0 {
            sentences.append(0)
            return
        }
        var index = Int(start) - 1
        while index >= 0, isSpace(text[index]) { index -= 1 }
        if index != Int(start) - 1, index >= 0, text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: ":") {
            sentences.append(position)
        }
    }
}

/// fts5SentenceFinderCb's white space: space, tab, line feed, carriage return.
@inline(__always) private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

private func argument(_ values: UnsafeMutablePointer<OpaquePointer?>, _ index: Int) -> [UInt8] {
    guard let text = sqlite3_value_text(values[index]) else { return [] }
    return Array(UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(values[index]))))
}

/// The query's phrase instances in the row, in FTS5's order, with their column: first token and last token
/// (inclusive).
private typealias Hit = (start: Int, last: Int, phrase: Int32)

private func instances(_ api: UnsafePointer<Fts5ExtensionApi>, _ context: OpaquePointer?) -> [(column: Int32, hit: Hit)] {
    var found: [(column: Int32, hit: Hit)] = []
    var count: Int32 = 0
    _ = api.pointee.xInstCount(context, &count)
    for instance in 0..<count {
        var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
        guard api.pointee.xInst(context, instance, &phrase, &column, &offset) == SQLITE_OK else { continue }
        found.append((column, (Int(offset), Int(offset) - 1 + Int(api.pointee.xPhraseSize(context, phrase)), phrase)))
    }
    return found
}

private func setResult(_ result: OpaquePointer?, _ out: [UInt8]) {
    out.withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { sqlite3_result_text(result, $0.baseAddress, Int32($0.count), transient) }
    }
}

/// `advisor_excerpt(table, open, close, ellipsis, matching, column, tokens, column, tokens, ...)`: the excerpt of the
/// first of the first `matching` columns, in the order given, that holds a match; else of the first column that is
/// not empty, as it starts. One call per row, where three snippet calls each tokenized a column and built an excerpt
/// the caller threw away.
private let excerpt: fts5_extension_function = { api, context, result, count, values in
    guard let api, let values, count >= 6, (count - 4) % 2 == 0 else {
        sqlite3_result_error(result, "advisor_excerpt(table, open, close, ellipsis, matching, column, tokens, ...)", -1)
        return
    }
    let choices = stride(from: 4, to: Int(count), by: 2).map {
        (column: sqlite3_value_int(values[$0]), size: max(1, Int(sqlite3_value_int(values[$0 + 1]))))
    }
    let all = instances(api, context)
    let marks = (argument(values, 0), argument(values, 1), argument(values, 2))
    let matching = choices.prefix(Int(max(0, sqlite3_value_int(values[3]))))
    let matched = matching.first { choice in all.contains { $0.column == choice.column } }
    for choice in matched.map({ [$0] }) ?? choices {
        let hits = all.filter { $0.column == choice.column }.map(\.hit)
        switch excerptText(api, context, column: choice.column, hits: hits, marks: marks, size: choice.size) {
        case .text(let out):
            setResult(result, out)
            return
        case .empty: continue
        case .failed(let code):
            sqlite3_result_error_code(result, code)
            return
        }
    }
    sqlite3_result_text(result, "", 0, transient)
}

private enum Excerpt {
    case text([UInt8]), empty, failed(Int32)
}

/// snippet()'s excerpt of one column for `hits` (the instances in that column).
private func excerptText(_ api: UnsafePointer<Fts5ExtensionApi>, _ context: OpaquePointer?, column: Int32, hits: [Hit],
                         marks: (open: [UInt8], close: [UInt8], ellipsis: [UInt8]), size: Int) -> Excerpt {
    let (open, close, ellipsis) = marks
    var pointer: UnsafePointer<CChar>?
    var length: Int32 = 0
    guard api.pointee.xColumnText(context, column, &pointer, &length) == SQLITE_OK, let pointer, length > 0 else {
        return .empty
    }
    var columnTokens: Int32 = 0
    _ = api.pointee.xColumnSize(context, column, &columnTokens)
    let documentSize = Int(columnTokens)

    // No window reaches past the last match's position plus one window.
    let text = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
    let tokens = Tokens(limit: (hits.map(\.start).max() ?? 0) + 2 * size + 1, text: text)
    let unmanaged = Unmanaged.passRetained(tokens)
    defer { unmanaged.release() }
    let boundaries = api.pointee.xUserData(context).map { Unmanaged<TokenBoundaries>.fromOpaque($0).takeUnretainedValue() }
    if let boundaries, boundaries.tokens(text, length: Int(length), limit: tokens.limit, starts: &tokens.starts, ends: &tokens.ends) {
        for (position, start) in tokens.starts.enumerated() { tokens.noteSentence(at: position, start: start) }
    } else {
        tokens.starts.removeAll()
        tokens.ends.removeAll()
        let code = api.pointee.xTokenize(context, pointer, length, unmanaged.toOpaque(), onToken)
        guard code == SQLITE_OK || code == SQLITE_DONE else { return .failed(code) }
    }

    // fts5SnippetScore: the window from `from` scores its phrases; it is proposed centred on its matches. FTS5 lists
    // a row's instances in token order, so the window's hits are a run found by binary search, and the sentence
    // before each hit is found walking forward with the hits: both were scans of every hit or sentence per hit,
    // quadratic in a long chunk's matches.
    let inOrder = zip(hits, hits.dropFirst()).allSatisfy { $0.start <= $1.start }
    func score(from: Int) -> (score: Int, centred: Int) {
        var seenLow: UInt64 = 0, seen = Set<Int32>(), score = 0, first = -1, last = 0
        func add(_ hit: Hit) {
            let fresh: Bool
            if hit.phrase >= 0 && hit.phrase < 64 {
                fresh = seenLow & (1 << UInt64(hit.phrase)) == 0
                seenLow |= 1 << UInt64(hit.phrase)
            } else {
                fresh = seen.insert(hit.phrase).inserted
            }
            score += fresh ? 1000 : 1
            if first < 0 { first = hit.start }
            last = hit.last + 1
        }
        if inOrder {
            var low = 0, high = hits.count
            while low < high {
                let middle = (low + high) / 2
                if hits[middle].start < from { low = middle + 1 } else { high = middle }
            }
            var index = low
            while index < hits.count && hits[index].start < from + size {
                add(hits[index])
                index += 1
            }
        } else {
            for hit in hits where hit.start >= from && hit.start < from + size { add(hit) }
        }
        var centred = first - (size - (last - first)) / 2
        if centred + size > documentSize { centred = documentSize - size }
        return (score, max(0, centred))
    }
    var bestScore = 0, bestStart = 0
    let sentences = tokens.sentences
    var sentence = 0
    for hit in hits {
        let (value, centred) = score(from: hit.start)
        if value > bestScore {
            bestScore = value
            bestStart = centred
        }
        if !sentences.isEmpty && documentSize > size {
            if !inOrder { sentence = 0 }
            while sentence < sentences.count - 1 && sentences[sentence + 1] <= hit.start { sentence += 1 }
            if sentences[sentence] < hit.start {
                let value = score(from: sentences[sentence]).score + (sentences[sentence] == 0 ? 120 : 100)
                if value > bestScore {
                    bestScore = value
                    bestStart = sentences[sentence]
                }
            }
        }
    }

    // fts5HighlightCb over the window [bestStart, rangeEnd], the matches coalesced where they overlap.
    var marks: [(start: Int, last: Int)] = []
    for hit in hits {
        if let previous = marks.last, hit.start <= previous.last {
            marks[marks.count - 1].last = max(previous.last, hit.last)
        } else {
            marks.append((hit.start, hit.last))
        }
    }
    var next = marks.firstIndex { $0.start >= bestStart } ?? marks.count
    let rangeEnd = bestStart + size - 1
    var out: [UInt8] = []
    out.reserveCapacity(512)
    var offset = 0
    func append(upTo end: Int32) {
        if Int(end) > offset { out.append(contentsOf: UnsafeBufferPointer(start: text + offset, count: Int(end) - offset)) }
    }
    if bestStart > 0 { out += ellipsis }
    for position in stride(from: bestStart, through: min(rangeEnd, tokens.starts.count - 1), by: 1) {
        let (start, end) = (tokens.starts[position], tokens.ends[position])
        if bestStart > 0 && position == bestStart { offset = Int(start) }
        if next < marks.count && position == marks[next].start {
            append(upTo: start)
            out += open
            offset = Int(start)
        }
        if next < marks.count && position == marks[next].last {
            append(upTo: end)
            out += close
            offset = Int(end)
            next += 1
        }
        if position == rangeEnd {
            append(upTo: end)
            offset = Int(end)
            if next < marks.count && position >= marks[next].start && position < marks[next].last { out += close }
        }
    }
    if rangeEnd >= documentSize - 1 {
        append(upTo: length)
    } else {
        out += ellipsis
    }
    return .text(out)
}
