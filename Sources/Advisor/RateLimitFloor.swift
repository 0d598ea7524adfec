/// The lowest limits any provider's entry tier publishes, over every model page and every scheme it records: requests,
/// input tokens and output tokens a minute, and requests a day. A peak under all of them is carried by the first tier
/// of every provider whose limits we could read; for a provider that publishes none, that is as much as can be said
/// (the `rate_limit_unknown_small` warning), and it is not the workload's biggest risk.
struct RateLimitFloor: Sendable, Equatable {
    let rpm: Double
    let itpm: Double
    let otpm: Double
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
        rpd = entries.compactMap(\.rpd).min()
    }

    /// Whether the peak (and the average day's requests) stays under every entry tier's limits.
    func holds(_ capacity: Capacity) -> Bool {
        capacity.peak_rpm <= rpm && capacity.peak_itpm <= itpm && capacity.peak_otpm <= otpm
            && rpd.map { capacity.daily_requests <= $0 } ?? true
    }

    /// The floor in words: "50 requests, 30,000 input tokens and 8,000 output tokens a minute".
    var text: String {
        "\(Format.counted(Format.figure(rpm), "request", "requests")), \(Format.figure(itpm)) input tokens and "
            + "\(Format.figure(otpm)) output tokens a minute" + (rpd.map { ", \(Format.figure($0)) requests a day" } ?? "")
    }
}
