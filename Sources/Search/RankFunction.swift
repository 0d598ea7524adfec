import Content
import CSQLite
import Foundation

/// An FTS5 auxiliary function, so that one MATCH pass ranks and flags every matching chunk and SQLite keeps only
/// the top k (`ORDER BY advisor_rank(...) LIMIT k`), instead of four MATCH passes and every row scored in Swift.
/// `advisor_rank(sections_fts, groups, every, bonuses, phrases)` returns minus the score (lower is better, as `ORDER BY`
/// wants); on the way it notes each row's `RankFlags` and counts the pages of each kind in the connection's
/// `RankPass` (rows come in rowid order, so a page's chunks are consecutive), which Swift reads after the query.
///
/// The score is the search's tiers above bm25: words common across this corpus ("rate", "haiku") carry almost no
/// IDF weight, so what a page or section is called must decide first. It is the old ranking exactly:
/// `-bm25` (FTS5's own formula and column weights), +30 minus half the title's words when the words are in the
/// title or aliases (+5 more on the top of the page: a match on what the page is called opens the page), +12 when
/// they are in the heading, or in the title and heading together (the section's full name), plus the page's bonus
/// from Swift (an exact title or alias, a title or alias among the query's words, a fallback's word count).
///
/// Arguments: `groups` gives each phrase of the MATCH expression its word group ("0 0 1": the first word has two
/// alternatives); `every` is 1 when every group must be in a column for its flag (the every-word query), 0 when
/// one is enough (the any-word fallback); `bonuses` is "pageKey:bonus pageKey:bonus" (`SectionKey.pageKey`);
/// `phrases` (optional) is each phrase's FTS5 text, separated by U+001F, the key under which its row count (for
/// IDF) is kept for the connection's next queries (`RankPass.phraseRows`).
enum RankFunction {
    /// Column weights for bm25 (title, aliases, heading, summary, tags, body, code): what a section is called
    /// counts most, code least.
    static let weights: [Double] = [8.0, 8.0, 5.0, 3.0, 3.0, 1.0, 0.4]
    /// FTS5's bm25 parameters (fts5_aux.c).
    static let k1 = 1.2, b = 0.75

    /// Registers the function on `connection`, with the pass it reports into.
    static func register(on connection: Connection, pass: RankPass) throws(SQLiteError) {
        let api = try fts5API(connection)
        let context = Unmanaged.passRetained(pass).toOpaque()
        let destroy: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
            if let pointer { Unmanaged<RankPass>.fromOpaque(pointer).release() }
        }
        guard api.pointee.xCreateFunction(api, "advisor_rank", context, rank, destroy) == SQLITE_OK else {
            throw connection.error(SQLITE_ERROR, "fts5 xCreateFunction")
        }
    }

    /// FTS5's extension API for this connection (https://sqlite.org/fts5.html#extending_fts5).
    static func fts5API(_ connection: Connection) throws(SQLiteError) -> UnsafeMutablePointer<fts5_api> {
        let statement = try connection.prepare("SELECT fts5(?1)")
        var api: UnsafeMutablePointer<fts5_api>?
        try withUnsafeMutablePointer(to: &api) { pointer throws(SQLiteError) in
            sqlite3_bind_pointer(statement.handle, 1, pointer, "fts5_api_ptr", nil)
            _ = try statement.step()
        }
        guard let api, api.pointee.iVersion >= 2 else {
            throw SQLiteError(code: SQLITE_ERROR, message: "FTS5 is not available", path: connection.path, operation: "open")
        }
        return api
    }
}

/// What `advisor_flags` says of one chunk.
struct RankFlags: OptionSet {
    let rawValue: Int
    /// The words (every group, or one in the fallback) are in the page title or an alias.
    static let inTitle = RankFlags(rawValue: 1)
    /// The words are in the heading.
    static let inHeading = RankFlags(rawValue: 2)
    /// Some word is in the chunk's own text (heading, summary, tags, body, code), not only in the title it carries.
    static let inContent = RankFlags(rawValue: 4)
    /// Every word is in the section's full name, its page's title or aliases and its heading together ("haiku 5.5
    /// tokenizer": Claude Haiku 5.5 › The tokenizer), though neither holds them all alone. The every-word query only.
    static let inName = RankFlags(rawValue: 8)
}

/// What one ranked pass leaves behind for Swift, per connection (one query at a time): each row's flags, in rowid
/// order, and the number of pages of each kind. Also each page's title length, the ranking's one per-page input.
final class RankPass {
    /// Words in each page's title, by page id.
    let titleWords: [UInt8]
    // Called for every matching row of a pass, one query at a time on one connection: no dynamic exclusivity
    // checks (they were a tenth of a broad search).
    @exclusivity(unchecked) private(set) var keys: [Int] = []
    @exclusivity(unchecked) private(set) var flags: [UInt8] = []
    /// Pages by kind number (`SectionKey.kindNumber`).
    @exclusivity(unchecked) private(set) var pages = [Int](repeating: 0, count: Section.allCases.count + 2)
    @exclusivity(unchecked) private var lastPage = -1
    /// What bm25 cannot reach on any row of the last pass: the sum over its phrases of IDF × (k1 + 1).
    @exclusivity(unchecked) fileprivate(set) var bm25Bound = Double.infinity
    /// The rows to rank, ascending (nil: every row); the others are counted and placed last. `next` walks them
    /// as the rows come, in rowid order.
    @exclusivity(unchecked) private var only: [Int]?
    @exclusivity(unchecked) private var next = 0

    /// How many rows hold each phrase (by its FTS5 text), for IDF: a property of the index, not of the query, so
    /// counted once per connection (FTS5's bm25 counts it with a pass over the phrase's rows on every query, about
    /// a twentieth of a search). Bounded; cleared when full.
    @exclusivity(unchecked) fileprivate var phraseRows: [String: Int64] = [:]
    static let phraseRowsLimit = 4_096

    init(titleWords: [UInt8]) {
        self.titleWords = titleWords
    }

    /// The rows that hold a phrase (by its FTS5 text), when a pass on this connection has counted them.
    func rows(ofPhrase text: String) -> Int64? { phraseRows[text] }

    func start(only rows: [Int]? = nil) {
        only = rows
        next = 0
        bm25Bound = .infinity
        keys.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        for index in pages.indices { pages[index] = 0 }
        lastPage = -1
    }

    /// A ranked row: its flags, and its page counted.
    fileprivate func note(_ key: SectionKey, _ rowFlags: RankFlags) {
        keys.append(key.rawValue)
        flags.append(UInt8(rowFlags.rawValue))
        count(key)
    }

    /// A row's page counted (a row that is not ranked is never shown: its flags are not needed).
    fileprivate func count(_ key: SectionKey) {
        if key.pageKey != lastPage {
            lastPage = key.pageKey
            let kind = key.rawValue >> 48
            if kind < pages.count { pages[kind] += 1 }
        }
    }

    /// Whether the row is to be ranked (always, unless the pass was given its rows); rows come in rowid order.
    fileprivate func ranks(_ rowid: Int) -> Bool {
        guard let only else { return true }
        while next < only.count && only[next] < rowid { next += 1 }
        return next < only.count && only[next] == rowid
    }

    /// The flags noted for `key` in this pass (empty when it was not seen).
    func flags(of key: SectionKey) -> RankFlags {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key.rawValue { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key.rawValue ? RankFlags(rawValue: Int(flags[low])) : []
    }

    /// The pages of each kind the pass saw.
    var pageCounts: [Section: Int] {
        var counts: [Section: Int] = [:]
        for (number, count) in pages.enumerated() where count > 0 {
            if let kind = SectionKey.kind(number: number) { counts[kind] = count }
        }
        return counts
    }
}

/// What one query needs on every row, computed on its first row and kept as FTS5 auxiliary data. Every field is
/// a constant (no exclusivity checks on the hot path); the scratch buffers are rewritten on each row.
private final class QueryState {
    let groupCount: Int
    let every: Bool
    /// Each page's bonus by page id (`SectionKey.page`), empty without any: an array read per row, where a
    /// dictionary lookup on every matching row cost a tenth of a search once most queries carried lifecycle penalties.
    let bonuses: [Double]
    let averageLength: Double
    /// bm25's bound on any row: each phrase adds less than IDF × (k1 + 1).
    let bm25Bound: Double
    /// Per phrase: its IDF (as FTS5's bm25 computes it) and its group; per row: its weighted frequency.
    let idf, frequency: UnsafeMutableBufferPointer<Double>
    let phraseGroup: UnsafeMutableBufferPointer<Int>
    /// Per group, on each row: where it occurs (`hitTitle`...).
    let groupHits: UnsafeMutableBufferPointer<UInt8>

    init(_ api: API, _ context: OpaquePointer?, _ values: UnsafeMutablePointer<OpaquePointer?>?, _ count: Int32,
         pass: RankPass) {
        let phrases = Int(api.pointee.xPhraseCount(context))
        // The phrases' texts, when the caller gives them for every phrase: the key of their row counts.
        var texts: [String] = []
        if count >= 4, let values, let text = sqlite3_value_text(values[3]) {
            texts = String(cString: text).split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        }
        if texts.count != phrases { texts = [] }
        var groups: [Int] = []
        if count >= 1, let values, let text = sqlite3_value_text(values[0]) {
            groups = String(cString: text).split(separator: " ").compactMap { Int($0) }
        }
        // A phrase the caller did not describe is a group of its own (never expected; keeps indexes in range).
        while groups.count < phrases { groups.append((groups.max() ?? -1) + 1) }
        groupCount = (groups.max() ?? -1) + 1
        every = count >= 2 && values.map { sqlite3_value_int($0[1]) != 0 } ?? true
        var bonuses: [Double] = []
        if count >= 3, let values, let text = sqlite3_value_text(values[2]) {
            for pair in String(cString: text).split(separator: " ") {
                let parts = pair.split(separator: ":")
                guard parts.count == 2, let key = Int(parts[0]), let bonus = Double(parts[1]) else { continue }
                let page = key & SectionKey.maxPages
                if bonuses.count <= page { bonuses += [Double](repeating: 0, count: page + 1 - bonuses.count) }
                bonuses[page] += bonus
            }
        }
        self.bonuses = bonuses
        var rows: Int64 = 0, tokens: Int64 = 0
        _ = api.pointee.xRowCount(context, &rows)
        _ = api.pointee.xColumnTotalSize(context, -1, &tokens)
        averageLength = rows > 0 ? Double(tokens) / Double(rows) : 1
        idf = .allocate(capacity: phrases)
        frequency = .allocate(capacity: phrases)
        phraseGroup = .allocate(capacity: phrases)
        groupHits = .allocate(capacity: groupCount)
        for phrase in 0..<phrases {
            phraseGroup[phrase] = groups[phrase]
            var hits: Int64 = 0
            if !texts.isEmpty, let known = pass.phraseRows[texts[phrase]] {
                hits = known
            } else {
                _ = api.pointee.xQueryPhrase(context, Int32(phrase), &hits) { _, _, user in
                    user?.assumingMemoryBound(to: Int64.self).pointee += 1
                    return SQLITE_OK
                }
                if !texts.isEmpty {
                    if pass.phraseRows.count >= RankPass.phraseRowsLimit { pass.phraseRows.removeAll(keepingCapacity: true) }
                    pass.phraseRows[texts[phrase]] = hits
                }
            }
            // FTS5's bm25: a phrase in more than half the rows would get a negative IDF; it gets 1e-6 instead.
            let value = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
            idf[phrase] = value <= 0 ? 1e-6 : value
        }
        bm25Bound = idf.reduce(0, +) * (RankFunction.k1 + 1)
    }

    deinit {
        idf.deallocate()
        frequency.deallocate()
        phraseGroup.deallocate()
        groupHits.deallocate()
    }
}

private typealias API = UnsafePointer<Fts5ExtensionApi>

private let keepState: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
    if let pointer { Unmanaged<QueryState>.fromOpaque(pointer).release() }
}

/// The query's state, made on its first row.
private func state(_ api: API, _ context: OpaquePointer?, _ values: UnsafeMutablePointer<OpaquePointer?>?,
                   _ count: Int32, pass: RankPass) -> QueryState {
    if let kept = api.pointee.xGetAuxdata(context, 0) {
        return Unmanaged<QueryState>.fromOpaque(kept).takeUnretainedValue()
    }
    let state = QueryState(api, context, values, count, pass: pass)
    _ = api.pointee.xSetAuxdata(context, Unmanaged.passRetained(state).toOpaque(), keepState)
    return state
}

/// Bits of `groupHits`: the group has an instance in the title or aliases, in the heading, in the chunk's own text.
private let hitTitle: UInt8 = 1, hitHeading: UInt8 = 2, hitContent: UInt8 = 4

/// Walks the row's phrase instances once: per-phrase weighted frequencies (for bm25) and where each group occurs.
private func scan(_ api: API, _ context: OpaquePointer?, _ state: QueryState) {
    let frequency = state.frequency, groupHits = state.groupHits, phraseGroup = state.phraseGroup
    for index in frequency.indices { frequency[index] = 0 }
    for index in groupHits.indices { groupHits[index] = 0 }
    var instances: Int32 = 0
    _ = api.pointee.xInstCount(context, &instances)
    let weights = RankFunction.weights
    for instance in 0..<instances {
        var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
        guard api.pointee.xInst(context, instance, &phrase, &column, &offset) == SQLITE_OK else { continue }
        let p = Int(phrase)
        if column >= 0 && Int(column) < weights.count { frequency[p] += weights[Int(column)] }
        let group = phraseGroup[p]
        switch column {
        case 0, 1: groupHits[group] |= hitTitle
        case 2: groupHits[group] |= hitHeading | hitContent
        default: groupHits[group] |= hitContent
        }
    }
}

private func rowFlags(_ state: QueryState) -> RankFlags {
    func holds(_ bit: UInt8) -> Bool {
        state.every ? state.groupHits.allSatisfy { $0 & bit != 0 } : state.groupHits.contains { $0 & bit != 0 }
    }
    var flags: RankFlags = []
    if state.groupCount > 0 && holds(hitTitle) { flags.insert(.inTitle) }
    if state.groupCount > 0 && holds(hitHeading) { flags.insert(.inHeading) }
    if state.groupHits.contains(where: { $0 & hitContent != 0 }) { flags.insert(.inContent) }
    if state.every, state.groupCount > 0, flags.isDisjoint(with: [.inTitle, .inHeading]),
       state.groupHits.allSatisfy({ $0 & (hitTitle | hitHeading) != 0 }) {
        flags.insert(.inName)
    }
    return flags
}

private let rank: fts5_extension_function = { api, context, result, count, values in
    guard let api, let user = api.pointee.xUserData(context) else {
        sqlite3_result_error(result, "advisor_rank: no query state", -1)
        return
    }
    let pass = Unmanaged<RankPass>.fromOpaque(user).takeUnretainedValue()
    let state = state(api, context, values, count, pass: pass)
    let key = SectionKey(rawValue: Int(api.pointee.xRowid(context)))
    pass.bm25Bound = state.bm25Bound
    guard pass.ranks(key.rawValue) else {
        // Counted, not ranked: after every ranked row.
        pass.count(key)
        sqlite3_result_double(result, Double.greatestFiniteMagnitude)
        return
    }
    scan(api, context, state)
    // FTS5's bm25 (fts5_aux.c): k1 = 1.2, b = 0.75, D the row's tokens in all columns.
    var tokens: Int32 = 0
    _ = api.pointee.xColumnSize(context, -1, &tokens)
    let (k1, b) = (RankFunction.k1, RankFunction.b)
    let lengthNorm = k1 * (1 - b + b * Double(tokens) / state.averageLength)
    var bm25 = 0.0
    for phrase in state.frequency.indices {
        let frequency = state.frequency[phrase]
        bm25 += state.idf[phrase] * (frequency * (k1 + 1)) / (frequency + lengthNorm)
    }
    var score = bm25
    let flags = rowFlags(state)
    if flags.contains(.inTitle) {
        let words = pass.titleWords
        score += 30 - Double(key.page < words.count ? words[key.page] : 0) / 2
        if key.isTop { score += 5 }
    }
    if !flags.isDisjoint(with: [.inHeading, .inName]) { score += 12 }
    if key.page < state.bonuses.count { score += state.bonuses[key.page] }
    pass.note(key, flags)
    sqlite3_result_double(result, -score)
}
