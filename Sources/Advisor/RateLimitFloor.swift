/// The lowest limits any provider's entry tier publishes, over every model page and every scheme it records: requests,
/// input tokens and output tokens a minute, and requests a day. A peak under all of them is carried by the first tier
/// of every provider whose limits we could read; for a provider that publishes none, that is as much as can be said
/// (the `rate_limit_unknown_small` warning), and it is not the workload's biggest risk. The same shape holds one
/// model's own entry tier, against which a peak well inside it is not either (`rate_limit_entry_small`).
struct RateLimitFloor: Sendable, Equatable {
    let rpm: Double
    /// nil: the tier publishes no limit on input (or output) tokens a minute (Cohere limits requests only).
    let itpm: Double?
    let otpm: Double?
    /// Input and output tokens a minute together, where a tier counts them so (`tpm`); nil where none does.
    let tpm: Double?
    /// nil: no entry tier caps requests a day.
    let rpd: Double?

    /// nil when no page publishes an entry tier with a per-minute limit on requests and on tokens.
    init?(entryTiersOf models: [CompiledModel]) {
        let entries = models.flatMap { $0.rateSchemes.compactMap { $0.kind == .tiers ? $0.tiers.first : nil } }
            .filter { $0.negotiated != true }
        // A tier that counts input and output together (`tpm`) limits each to that total.
        guard let rpm = entries.compactMap(\.rpm).min(),
              let itpm = entries.compactMap({ $0.itpm ?? $0.tpm }).min(),
              let otpm = entries.compactMap({ $0.otpm ?? $0.tpm }).min() else { return nil }
        (self.rpm, self.itpm, self.otpm) = (rpm, itpm, otpm)
        // And both together: 150,000 in and 100,000 out a minute are under 200,000 of each, not under GPT-5 nano's
        // 200,000 in all.
        tpm = entries.compactMap(\.tpm).min()
        rpd = entries.compactMap(\.rpd).min()
    }

    /// One tier's own limits (a model's entry tier); nil without a per-minute limit on requests. A tier that limits
    /// requests only (Cohere's) leaves tokens unlimited: 500 classifications a month on Command R7B got a bare
    /// pacing warning, ranked high, with no word of the 1 request a minute its 500 allow.
    init?(tier: RateTier) {
        guard let rpm = tier.rpm else { return nil }
        (self.rpm, self.itpm, self.otpm, self.tpm, self.rpd) = (rpm, tier.itpm, tier.otpm, tier.tpm, tier.rpd)
    }

    /// Whether the peak (and the average day's requests) stays under `share` of every limit (all of them: 1).
    func holds(_ capacity: Capacity, share: Double = 1) -> Bool {
        capacity.peak_rpm <= share * rpm && itpm.map { capacity.peak_itpm <= share * $0 } ?? true
            && otpm.map { capacity.peak_otpm <= share * $0 } ?? true && rpd.map { capacity.daily_requests <= share * $0 } ?? true
            && tpm.map { capacity.peak_itpm + capacity.peak_otpm <= share * $0 } ?? true
    }

    /// The floor in words: "50 requests, 30,000 input tokens and 8,000 output tokens a minute".
    var text: String {
        // A separate limit no looser than the combined one says nothing more.
        func separate(_ limit: Double?) -> Double? { limit.flatMap { l in tpm.map { l < $0 } ?? true ? l : nil } }
        let parts = [Format.counted(Format.figure(rpm), "request", "requests"), separate(itpm).map { "\(Format.figure($0)) input tokens" },
                     separate(otpm).map { "\(Format.figure($0)) output tokens" },
                     tpm.map { "\(Format.figure($0)) input and output tokens together" }].compactMap { $0 }
        return Format.series(parts) + " a minute" + (rpd.map { ", \(Format.figure($0)) requests a day" } ?? "")
    }
}
