import Advisor

extension ContentLibrary {
    /// The decision engine's inputs, taken from the criteria, models and failure-modes pages and cross-checked
    /// by the engine; its objections come back as `path:line` errors like any other content problem.
    public func knowledge() throws(ContentErrors) -> Knowledge {
        let criteriaIntro = sectionIntros[.criteria]
        guard let settings = criteriaIntro?.frontMatter.engine else {
            throw ContentErrors([ContentError(path: criteriaIntro?.path ?? "content/criteria/_index.md", line: 1,
                                              message: "the engine's settings are missing",
                                              hint: "add an `engine:` block to criteria/_index.md")])
        }
        let criteria = pages(in: .criteria).compactMap { page in
            page.frontMatter.criterion.map { CriterionEntry(slug: page.slug, title: page.title, spec: $0) }
        }
        let models = pages(in: .models).compactMap { page in
            page.frontMatter.model.map { ModelEntry(slug: page.slug, title: page.title, spec: $0, sources: page.frontMatter.sources ?? []) }
        }
        let failureModes = pages(in: .failureModes).compactMap { page in
            page.frontMatter.failure_mode.map { FailureModeEntry(slug: page.slug, title: page.title, spec: $0) }
        }
        do {
            return try Knowledge(settings: settings, criteria: criteria, models: models, failureModes: failureModes)
        } catch {
            let page = error.slug == "_index" ? criteriaIntro : Section(rawValue: error.section).flatMap { self.page($0, error.slug) }
            let path = page?.path ?? "content/\(error.section)/\(error.slug).md"
            let line = page.map { $0.fieldLines.line(of: error.field) } ?? 1
            // The field as well as the line: "must be a positive number below 1000000" did not say which of a
            // line's neighbours it meant when the line was a block's.
            let message = error.field.isEmpty ? error.message : "`\(error.field)`: \(error.message)"
            throw ContentErrors([ContentError(path: path, line: line, message: message)])
        }
    }
}
