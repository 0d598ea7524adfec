import Web
import Advisor
import ArgumentParser
import Content

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate all content; print every error as path:line: message.")

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .customLong("stale"), parsing: .unconditional, help: "Also list every figure whose source was last checked more than DAYS days ago (exit 1 if any).")
    var staleDays: Int?

    @Option(help: "The day to judge staleness and dates still to come on (YYYY-MM-DD); default today.")
    var today: String?

    func validate() throws {
        if let staleDays, staleDays < 0 { throw ValidationError("--stale takes a number of days >= 0") }
        if let today, CivilDate.plausibleDay(today) == nil {
            throw ValidationError("--today takes a date YYYY-MM-DD from \(CivilDate.plausibleYears.lowerBound) to \(CivilDate.plausibleYears.upperBound)")
        }
    }

    func run() throws {
        let library: ContentLibrary
        do {
            library = try ContentLibrary.load(directory: contentOptions.content, routes: Site.linkableRoutes,
                                              limits: contentOptions.limits)
        } catch {
            print(TerminalText.safe(error.description))
            printError("\(error.errors.count) error(s)")
            // What these errors kept from running, so that fixing them is not followed by a second list unannounced.
            printError("note: the checks the engine makes across pages (prices, rules, conditions, lifecycles) run once "
                       + "these are fixed, and a page with an error in its front matter's structure is not checked further"
                       + (staleDays == nil ? "" : "; so does the --stale listing") + ": run check again after fixing them")
            throw ExitCode.failure
        }
        do {
            _ = try library.knowledge()
            let day = today.flatMap(CivilDate.day) ?? CivilDate.today()
            if staleDays == nil, case let ahead = FutureDates.find(in: library, today: day), !ahead.isEmpty {
                throw ContentErrors(ahead)
            }
            if let staleDays {
                // The listing names every figure whose source is dated after the day; the dates still to come join it,
                // each at its own line (a guide's source, which no figure cites, passed `--stale` while `check` refused it).
                let stale = ContentErrors(StaleFigures.find(in: library, olderThan: staleDays, today: day)
                                          + FutureDates.find(in: library, today: day)).errors
                for figure in stale { print(TerminalText.safe(figure.description)) }
                if !stale.isEmpty {
                    // The two kinds counted apart: 36 figures dated next year were "not checked for more than 365 days".
                    let ahead = stale.filter(StaleFigures.isDatedAfterToday).count
                    printError([stale.count - ahead > 0 ? "\(stale.count - ahead) figure(s) not checked for more than \(staleDays) days" : nil,
                                ahead > 0 ? "\(ahead) figure(s) or page(s) dated after today" : nil]
                        .compactMap { $0 }.joined(separator: "; "))
                    throw ExitCode.failure
                }
                print("ok: no figure older than \(staleDays) days on \(CivilDate.text(day))")
                return
            }
            print("ok: \(library.pages.count) pages checked")
        } catch let error as ContentErrors {
            print(TerminalText.safe(error.description))
            printError("\(error.errors.count) error(s)")
            if staleDays != nil { printError("note: the --stale listing runs once these are fixed") }
            throw ExitCode.failure
        }
    }
}
