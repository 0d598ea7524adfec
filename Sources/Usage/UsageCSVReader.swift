import Advisor

/// A plain CSV, one request per line, with a header naming at least `timestamp, model, input_tokens,
/// output_tokens, cache_read_tokens, cache_write_tokens` (in any order; other columns are ignored).
/// `input_tokens` is the prompt tokens neither read from nor written to the cache (the Messages API's
/// `input_tokens`); `timestamp` is RFC 3339 or Unix seconds (milliseconds and microseconds are told apart by size,
/// `Timestamp.unix`). Fields may be quoted; lines end in LF, CRLF or CR alone (an old Mac export).
enum UsageCSVReader {
    static let columns = ["timestamp", "model", "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens"]

    static func read(_ text: String) throws(UsageError) -> UsageReading {
        var records: [UsageRecord] = []
        var positions: [Int] = []
        var width = 0, written = 0
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so splitting on "\n" alone left a Windows file (Python's csv module
        // writes one) as a single line, refused for a missing column it has; so was a file whose lines end in CR alone
        // (an old Mac export: a file with no LF at all), where elsewhere a CR may sit inside a quoted field.
        let crOnly = !text.utf8.contains(10)
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || (crOnly && $0 == "\r") }) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = try split(line, lineNumber: lineNumber)
            if positions.isEmpty {
                let header = fields.map { $0.trimmingSpaces.lowercased() }
                for column in columns {
                    guard let at = header.firstIndex(of: column) else {
                        throw UsageError("line \(lineNumber)", "expected a header naming the columns \(columns.joined(separator: ", "))"
                                         + "; `\(column)` is missing")
                    }
                    // Two columns of one name: which one holds the tokens is a guess (the first won, silently).
                    guard header.lastIndex(of: column) == at else {
                        throw UsageError("line \(lineNumber)", "the column `\(column)` is named twice; keep one")
                    }
                    positions.append(at)
                }
                // Trailing empty names (a header ending in ",,", as a spreadsheet writes it) are no columns; its rows may
                // end in as many empty fields.
                width = (header.lastIndex { !$0.isEmpty } ?? 0) + 1
                written = fields.count
                continue
            }
            // Every row as wide as the header: an unquoted "1,500" shifted each column after it one place (1 input
            // token, 500 output, 200 cache reads) and was read without a word; so did it with a trailing comma after
            // it, unless the header ends in as many.
            let extra = fields.dropFirst(width)
            guard fields.count >= width, fields.count <= written, extra.allSatisfy({ $0.trimmingSpaces.isEmpty }) else {
                // A bare CR inside the line, in a file whose other lines end in LF, is two rows run together: the
                // comma hint sent people looking for a number that was never there.
                let why = line.utf8.contains(13) ? " (the line holds a carriage return that ends no line here: the file mixes line "
                    + "endings, CR alone and LF; save it with one kind, LF or CRLF)"
                    : fields.count > width ? " (a number written with a comma, such as 1,500, must be quoted or written 1500)" : ""
                throw UsageError("line \(lineNumber)", "expected \(width) fields, as the header names, found \(fields.count)" + why)
            }
            func field(_ n: Int) -> String { fields[positions[n]].trimmingSpaces }
            func count(_ n: Int) throws(UsageError) -> Double {
                // Digits grouped by commas in threes, as a spreadsheet writes them in a quoted field ("1,500").
                let written = field(n)
                let groups = written.split(separator: ",", omittingEmptySubsequences: false)
                let text = groups.count > 1 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy({ $0.count == 3 })
                    ? groups.joined() : written
                if text.isEmpty && n >= 4 { return 0 }
                // Thousands grouped with points ("150.000", as a spreadsheet in much of Europe writes them): read as a
                // decimal point, 150,000 tokens were 150. A token count has no fraction to write.
                if let meant = Knowledge.pointGroupedThousands(text) {
                    throw UsageError("line \(lineNumber)", "`\(columns[n])` is `\(text.prefix(40))`: a point starts a fraction here, "
                        + "so write the token count without points (\(String(Int64(meant))))")
                }
                // Digits (and a decimal point) only: Double reads "0x10" as 16 and "1e3" as 1,000.
                guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                      let value = Double(text), value.isFinite, value >= 0, value == value.rounded() else {
                    throw UsageError("line \(lineNumber)", "`\(columns[n])` must be a whole number of tokens, found `\(text.prefix(40))`")
                }
                // A whole number, but past any request's tokens: said so, not "not a whole number".
                guard value <= 1e15 else {
                    throw UsageError("line \(lineNumber)", "`\(columns[n])` is too large for a token count (at most 10^15), found `\(text.prefix(40))`")
                }
                return value
            }
            let stamp = field(0)
            guard let time = Timestamp.parse(stamp) ?? Double(stamp).flatMap(Timestamp.unix) else {
                throw UsageError("line \(lineNumber)", "`timestamp` must be an RFC 3339 time (2026-11-01T09:30:00Z) or Unix "
                                 + "seconds (or milliseconds, microseconds or nanoseconds) between the years 2000 and 2099, found `\(stamp.prefix(40))`")
            }
            let model = field(1)
            var tokens = UsageTokens()
            tokens.uncachedInput = try count(2)
            tokens.output = try count(3)
            tokens.cacheRead = try count(4)
            tokens.cacheWrite = try count(5)
            records.append(UsageRecord(start: time, end: time, model: model.isEmpty ? nil : model, requests: 1, tokens: tokens))
        }
        guard !positions.isEmpty else { throw UsageError("the file", "expected a CSV header and rows; the file is empty") }
        guard !records.isEmpty else { throw UsageError("the file", "expected at least one request after the header") }
        return UsageReading(format: .csv, records: records, buckets: [])
    }

    /// Fields of one line; `"..."` quotes a field, `""` is a quote inside one.
    private static func split(_ line: Substring, lineNumber: Int) throws(UsageError) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\"" {
                    var lookahead = iterator
                    if lookahead.next() == "\"" { current.append("\""); iterator = lookahead } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        // Lines are split before quotes are read, so a quoted field that holds a line break (RFC 4180 allows it) ends
        // here: said as that, since its closing quote may well be on the next line.
        guard !quoted else {
            throw UsageError("line \(lineNumber)", "a quoted field is not closed on its line; a field that spans lines is "
                             + "not read here: remove the line breaks inside quotes")
        }
        fields.append(current)
        return fields
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
