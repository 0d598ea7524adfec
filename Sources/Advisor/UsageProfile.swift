// The distribution of a workload's requests, as an import measured it: what the engine prices request by request
// instead of the averages (UsagePricing.swift). Built by the Usage module from a provider's report, OpenTelemetry
// spans or a CSV; carried in a result link as `usage=` (`encoded`), so it is never stored on the server.

/// Requests of one size: how many were observed, and their tokens as the current model counted them.
public struct UsageSample: Sendable, Equatable, Hashable {
    /// Requests observed with these tokens (a bucket's request count, or 1 for a span or a CSV row).
    public var requests: Double
    /// Prompt tokens neither read from nor written to the cache.
    public var uncachedInput: Double
    public var cacheRead: Double
    public var cacheWrite: Double
    public var output: Double
    /// The part of `cacheWrite` written to the 1-hour cache.
    public var cacheWrite1h: Double
    /// The model page of the model that served these requests, where the file names one we list: whose thinking,
    /// if any, the logged output holds (`UsageProfile.removingOutput`). Not carried in a link.
    public var model: String? = nil

    public init(requests: Double, uncachedInput: Double, cacheRead: Double, cacheWrite: Double, output: Double,
                cacheWrite1h: Double = 0, model: String? = nil) {
        self.requests = requests
        self.uncachedInput = uncachedInput
        self.cacheRead = cacheRead
        self.cacheWrite = cacheWrite
        self.output = output
        self.cacheWrite1h = Swift.min(cacheWrite1h, cacheWrite)
        self.model = model
    }

    /// The whole prompt: uncached input, cache reads and cache writes.
    public var prompt: Double { uncachedInput + cacheRead + cacheWrite }
    /// The share of the prompt the cache served: its reads (the `cached_input_share` answer).
    public var cachedShare: Double { prompt > 0 ? cacheRead / prompt : 0 }
    /// The share of the prompt that is a cached prefix, read or written: what a cost line prices as the prefix (its
    /// length decides a cache minimum), with the writes then charged as writes (`Knowledge.cacheWritePremium`). A file
    /// whose every request wrote 5,000 tokens and read none was priced as if they were read, a quarter of its bill.
    public var prefixShare: Double { prompt > 0 ? (cacheRead + cacheWrite) / prompt : 0 }
}

/// The observed requests, grouped by size. Immutable once built.
public struct UsageProfile: Sendable, Equatable {
    public let samples: [UsageSample]
    /// Requests observed in all (the weights' sum).
    public let requests: Double
    /// Request-weighted means, which the answers scale (see UsagePricing).
    public let meanPrompt: Double
    public let meanOutput: Double
    public let cachedShare: Double
    /// Whether any request logged a cache read or write: then a request that logged neither had no cached prefix.
    public let logsCache: Bool
    /// The share of the file's traffic that went through the batch API, where the file says (nil: it does not): what
    /// the comparison with the current model reads (UsagePricing). A link carries it, so that the page a share link
    /// opens says what the upload said.
    public var batchShare: Double? = nil

    /// Merges samples of identical size; drops those with no requests.
    public init(_ samples: [UsageSample]) {
        var merged: [UsageSample] = []
        var index: [UsageSample: Int] = [:]
        for sample in samples where sample.requests > 0 {
            var key = sample
            key.requests = 0
            if let at = index[key] {
                merged[at].requests += sample.requests
            } else {
                index[key] = merged.count
                merged.append(sample)
            }
        }
        self.samples = merged
        let total = merged.reduce(0) { $0 + $1.requests }
        requests = total
        let prompt = merged.reduce(0) { $0 + $1.requests * $1.prompt }
        let cached = merged.reduce(0) { $0 + $1.requests * $1.cacheRead }
        meanPrompt = total > 0 ? prompt / total : 0
        meanOutput = total > 0 ? merged.reduce(0) { $0 + $1.requests * $1.output } / total : 0
        cachedShare = prompt > 0 ? cached / prompt : 0
        logsCache = merged.contains { $0.prefixShare > 0 }
    }

    /// A profile of other samples with this one's batch share: the same traffic, re-cut.
    private func keepingBatchShare(_ samples: [UsageSample]) -> UsageProfile {
        var profile = UsageProfile(samples)
        profile.batchShare = batchShare
        return profile
    }

    /// The same requests with `tokens` less output on average, taken from each in proportion to its output: the
    /// logged model's thinking, which its provider's report counts inside the output and every cost line adds again
    /// at the effort answered. In proportion, so the total stays the file's: taken whole from every request and
    /// floored at nothing, 100-token outputs were billed 1,200 tokens of thinking they never held. Unchanged unless
    /// the mean output is above `tokens`. Only the requests `thinks` holds true of: a model that does not reason
    /// logged no thinking (GPT-4o mini's 2,000-token answers beside GPT-5 mini's were cut to 606).
    public func removingOutput(_ tokens: Double, from thinks: (UsageSample) -> Bool = { _ in true }) -> UsageProfile {
        let mean = meanOutput(of: thinks)
        guard tokens > 0, mean > tokens else { return self }
        let kept = 1 - tokens / mean
        return keepingBatchShare(samples.map { sample in
            var s = sample
            if thinks(sample) { s.output *= kept }
            return s
        })
    }

    /// The same requests without the models that served them: samples of one size merge again.
    public func withoutModels() -> UsageProfile {
        keepingBatchShare(samples.map { sample in
            var s = sample
            s.model = nil
            return s
        })
    }

    /// The request-weighted mean output of the samples `which` holds true of (0 where none).
    public func meanOutput(of which: (UsageSample) -> Bool) -> Double {
        let chosen = samples.filter(which)
        let requests = chosen.reduce(0) { $0 + $1.requests }
        return requests > 0 ? chosen.reduce(0) { $0 + $1.requests * $1.output } / requests : 0
    }

    /// The same requests with `tokens` less at the front of every prompt: the provider's tool-use system prompt the
    /// logged model added, which its bill counted and every cost line adds again on the model it prices
    /// (Knowledge.requestTokens), so it would be billed twice. Tools come first in a request, so it is taken from the
    /// cache reads, then the cache writes, then the uncached input; never below nothing.
    public func removingLeadingPrompt(_ tokens: Double) -> UsageProfile {
        guard tokens > 0 else { return self }
        return keepingBatchShare(samples.map { sample in
            var s = sample
            var left = tokens
            for part in [\UsageSample.cacheRead, \.cacheWrite, \.uncachedInput] {
                let taken = Swift.min(left, s[keyPath: part])
                s[keyPath: part] -= taken
                left -= taken
            }
            s.cacheWrite1h = Swift.min(s.cacheWrite1h, s.cacheWrite)
            return s
        })
    }

    /// At most `limit` groups: the samples themselves when there are few enough, else groups of nearly equal request
    /// counts taken in order of prompt size, each priced at its request-weighted mean. A group that straddles a
    /// price threshold is priced on the side its mean falls; with many groups that is a small share of requests.
    public func compacted(to limit: Int) -> UsageProfile {
        guard samples.count > limit, limit > 0 else { return self }
        let sorted = samples.sorted { ($0.prompt, $0.output) < ($1.prompt, $1.output) }
        let perGroup = requests / Double(limit)
        var groups: [UsageSample] = []
        var current = UsageSample(requests: 0, uncachedInput: 0, cacheRead: 0, cacheWrite: 0, output: 0)
        var written1h = 0.0
        // Requests taken so far: a group closes when they reach its share of the whole. Held against the group's own
        // count, the k-th group waited for k shares, so 5,002 sizes made 90 groups, not 4,096, and two 300,000-token
        // requests were averaged into requests a sixtieth their size that every window holds.
        var taken = 0.0
        var previous: Double? = nil
        func close() {
            guard current.requests > 0 else { return }
            let n = current.requests
            groups.append(UsageSample(requests: n, uncachedInput: current.uncachedInput / n, cacheRead: current.cacheRead / n,
                                      cacheWrite: current.cacheWrite / n, output: current.output / n, cacheWrite1h: written1h / n))
            current = UsageSample(requests: 0, uncachedInput: 0, cacheRead: 0, cacheWrite: 0, output: 0)
            written1h = 0
        }
        for sample in sorted {
            // Never averaged across a gap in the sizes (a prompt of 1,024 tokens or more, over twice the last one):
            // 3.2 % of prompts at 140,000 tokens, merged with 900-token ones into a 73,000-token group, fell under
            // Haiku 5.5's 100,000-token line, and the cost ceiling weighed $1,338 against a month the table priced at
            // $6,070; a floor on the last prompt (256 tokens) let 200-token classifications do the same. Each gap
            // adds at most one group; a jump to under 1,024 tokens crosses no price line worth a group of its own.
            if current.requests > 0, let last = previous, sample.prompt >= 1_024, sample.prompt > 2 * last { close() }
            previous = sample.prompt
            // Sums for now; divided by the group's requests when it closes.
            current.requests += sample.requests
            current.uncachedInput += sample.requests * sample.uncachedInput
            current.cacheRead += sample.requests * sample.cacheRead
            current.cacheWrite += sample.requests * sample.cacheWrite
            written1h += sample.requests * sample.cacheWrite1h
            current.output += sample.requests * sample.output
            taken += sample.requests
            if taken >= perGroup * Double(groups.count + 1) - 1e-9 * requests { close() }
        }
        close()
        return keepingBatchShare(groups.map { sample in
            // Whole tokens, so that the profile survives a trip through a link unchanged.
            UsageSample(requests: sample.requests, uncachedInput: sample.uncachedInput.rounded(),
                        cacheRead: sample.cacheRead.rounded(), cacheWrite: sample.cacheWrite.rounded(),
                        output: sample.output.rounded(), cacheWrite1h: sample.cacheWrite1h.rounded())
        })
    }

    // MARK: - In a link

    /// Groups at most in a link: 64 groups of five numbers stay well inside the server's 8 KiB address limit.
    public static let linkGroups = 64

    /// `requests-uncached-cacheRead-cacheWrite-output` per group, and `-cacheWrite1h` where some of the writes went
    /// to the 1-hour cache; groups joined by `_`: only characters a query string keeps as they are. Compacted to
    /// `linkGroups` first.
    /// A last group `b` and a whole number of per mille is the batch share (`b980`: 98 %; any share above none is at
    /// least `b1`).
    public var encoded: String {
        let groups = compacted(to: Self.linkGroups).samples.map { s in
            ([s.requests, s.uncachedInput, s.cacheRead, s.cacheWrite, s.output] + (s.cacheWrite1h > 0 ? [s.cacheWrite1h] : []))
                .map { String(Int64($0.rounded())) }.joined(separator: "-")
        }
        let batch = batchShare.map { share in "b" + String(share > 0 ? Swift.max(1, Int((share * 1000).rounded())) : 0) }
        return (groups + (batch.map { [$0] } ?? [])).joined(separator: "_")
    }

    /// The profile a link carries.
    /// - Throws: `AnswerError` (field `usage`) naming the group that is not five whole numbers.
    public init(encoded text: String) throws(AnswerError) {
        var samples: [UsageSample] = []
        var groups = text.split(separator: "_", omittingEmptySubsequences: false)
        var batch: Double? = nil
        if let last = groups.last, last.hasPrefix("b") {
            guard last.count <= 5, last.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let permille = Int(last.dropFirst()),
                  (0...1000).contains(permille) else {
                throw AnswerError(code: "invalid_usage", message: "the usage profile's batch share (`\(last.prefix(20))`) must be "
                                  + "`b` and a whole number of per mille from 0 to 1000", field: "usage")
            }
            batch = Double(permille) / 1000
            groups.removeLast()
        }
        guard groups.count <= Self.linkGroups * 4 else {
            throw AnswerError(code: "invalid_usage", message: "the usage profile has more than \(Self.linkGroups * 4) groups",
                              field: "usage")
        }
        for (n, group) in groups.enumerated() {
            // Digits only: `Double` would also read 0x3e80 and 1.6e4, which the message does not allow.
            let parts = group.split(separator: "-", omittingEmptySubsequences: false)
            let numbers = parts.map { part in
                !part.isEmpty && part.utf8.allSatisfy { (48...57).contains($0) } ? Double(String(part)) : nil
            }
            // The importer's own bound (a token count up to 10^15): a profile it wrote into every link of a 200 page
            // was refused at 10^12 as "not five whole numbers".
            if numbers.count == 5 || numbers.count == 6, numbers.allSatisfy({ $0 != nil }), numbers.contains(where: { $0! > 1e15 }) {
                throw AnswerError(code: "invalid_usage", message: "usage group \(n + 1) (`\(group.prefix(60))`) has a number over "
                                  + "10^15, more than any usage file holds", field: "usage")
            }
            guard numbers.count == 5 || numbers.count == 6, numbers.allSatisfy({ $0 != nil }) else {
                throw AnswerError(code: "invalid_usage", message: "usage group \(n + 1) (`\(group.prefix(60))`) must be five "
                                  + "whole numbers joined by `-`: requests, uncached input, cache reads, cache writes, output "
                                  + "(and a sixth, the 1-hour cache writes, where there are any)", field: "usage")
            }
            // The 1-hour writes are a part of the cache writes: more of them than writes was clamped without a word.
            if numbers.count == 6, numbers[5]! > numbers[3]! {
                throw AnswerError(code: "invalid_usage", message: "usage group \(n + 1) (`\(group.prefix(60))`) has more 1-hour cache "
                                  + "writes (the sixth number) than cache writes (the fourth), of which they are a part", field: "usage")
            }
            samples.append(UsageSample(requests: numbers[0]!, uncachedInput: numbers[1]!, cacheRead: numbers[2]!,
                                       cacheWrite: numbers[3]!, output: numbers[4]!, cacheWrite1h: numbers.count == 6 ? numbers[5]! : 0))
        }
        self.init(samples)
        batchShare = batch
        guard requests > 0 else {
            throw AnswerError(code: "invalid_usage", message: "the usage profile holds no requests", field: "usage")
        }
        // As an upload with no tokens is refused: priced, every model cost $0 and the answers' sizes went unused.
        guard meanPrompt > 0 || meanOutput > 0 else {
            throw AnswerError(code: "invalid_usage", message: "the usage profile holds no tokens: every group's input, cache "
                              + "and output counts are 0", field: "usage")
        }
    }
}
