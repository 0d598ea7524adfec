import Advisor
import Content

/// A model's lifecycle in words and as a badge: wherever a model is named, its state on the day is shown.
enum LifecycleText {
    static func label(_ state: LifecycleState) -> String {
        switch state {
        case .unreleased: "Not yet released"
        case .active: "Active"
        case .legacy: "Legacy"
        case .deprecated: "Deprecated"
        case .retired: "Retired"
        }
    }

    /// `Deprecated since 2026-09-30; retires 2026-11-30; replacement: Claude Sonnet 5.5` (a legacy model's reads the
    /// same way, `Legacy since …; still served; replacement: …`), and where that replacement
    /// has itself been superseded, `…; replacement: Gemini 3.1 Flash-Lite, now Gemini 3.5 Flash-Lite`.
    static func sentence(_ status: ModelStatus, library: ContentLibrary) -> String {
        let replacement = replacement(status, library: library)
        switch status.state {
        case .active: return "Active since \(status.since)"
        // The replacement is the model to move to now, not necessarily the one whose release made this one legacy
        // (Sonnet 4.6 became legacy when Sonnet 5 came; its page names Sonnet 5.5).
        // Without a named replacement, none is said ("replacement: a newer model" named nothing).
        case .legacy: return "Legacy since \(status.since); still served" + (status.retires.map { ", retires \($0)" } ?? "")
            + (replacement.map { "; replacement: \($0)" } ?? "")
        case .deprecated:
            return "Deprecated since \(status.since); retires \(status.retires ?? "?")"
                + (replacement.map { "; replacement: \($0)" } ?? "")
        case .retired:
            return "Retired on \(status.since)" + (replacement.map { "; replacement: \($0)" } ?? "")
        case .unreleased: return "Not released until \(status.since)"
        }
    }

    /// The replacement the page names, and the model to move to now where that one has been superseded:
    /// `Gemini 3.1 Flash-Lite, now Gemini 3.5 Flash-Lite`; nil when the page names none.
    static func replacement(_ status: ModelStatus, library: ContentLibrary) -> String? {
        func title(_ slug: String) -> String { library.page(.models, slug)?.title ?? slug }
        return status.replacement.map { title($0) + (status.successor.map { ", now \(title($0))" } ?? "") }
    }

    /// How far `day` is from `today`, as the timeline says it: "in 5 days", "today", "230 days ago".
    static func relative(_ day: Int, today: Int) -> String {
        let days = day - today
        return days == 0 ? "today" : days > 0 ? "in \(days) day\(days == 1 ? "" : "s")" : "\(-days) day\(days == -1 ? "" : "s") ago"
    }

    /// What a model page says first of a model that stops, or has stopped, answering: "It stops answering in 5 days
    /// (2026-12-10)." or "Requests to it have failed since 2026-04-20 (230 days ago)."; for a legacy one with no end
    /// announced, that it is still served; nil for a current one.
    static func end(_ status: ModelStatus, today: Int) -> String? {
        switch status.state {
        case .retired:
            guard let day = CivilDate.day(status.since) else { return nil }
            return "Requests to it have failed since \(status.since) (\(relative(day, today: today)))."
        case .deprecated, .legacy:
            guard let retires = status.retires, let day = CivilDate.day(retires) else {
                // Legacy with no end announced: still served, but not where new work should start.
                guard status.state == .legacy else { return nil }
                return "It is still served, with no end announced" + (status.replacement == nil ? "." : "; new work should start on its successor.")
            }
            return "It stops answering \(relative(day, today: today)) (\(retires))."
        case .active, .unreleased:
            return nil
        }
    }

    /// The badge templates show beside a model's name (empty when its lifecycle is unknown).
    static func badge(_ status: ModelStatus?, library: ContentLibrary) -> Badge {
        guard let status else { return .none }
        return Badge(label: label(status.state), cssClass: "life-\(status.state.rawValue)",
                     text: sentence(status, library: library))
    }
}
