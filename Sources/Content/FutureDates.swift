import Advisor

/// Dates a page states about itself that are still to come: a source `checked`, or the page `updated`, after today.
/// `check` refuses them whatever `--stale` says: "prices last checked 2099-12-31" passed and was shown on the site.
/// A day of grace, for an author east of UTC whose today is already tomorrow here.
public enum FutureDates {
    static let hint = "give the day it happened, not one to come"

    public static func find(in library: ContentLibrary, today: Int) -> [ContentError] {
        var found: [ContentError] = []
        for page in library.pages + Array(library.sectionIntros.values) {
            func refuse(_ date: String, field: String, what: String) {
                guard let day = CivilDate.day(date), day > today + 1 else { return }
                found.append(ContentError(path: page.path, line: page.fieldLines.line(of: field),
                                          message: "`\(field)` is \(date), after today (\(CivilDate.text(today))): \(what)",
                                          hint: hint))
            }
            refuse(page.frontMatter.updated, field: "updated", what: "the page cannot have been updated yet")
            for (index, source) in (page.frontMatter.sources ?? []).enumerated() {
                refuse(source.checked, field: "sources[\(index)].checked", what: "the source cannot have been read yet")
            }
        }
        return ContentErrors(found).errors
    }
}
