/// The error page (`error.mustache`): the status, a heading for it, and what went wrong.
struct ErrorPage: ViewModel {
    let status: Int
    let heading: String
    let message: String
    var messageHTML: String { MessageHTML.render(message) }
}
