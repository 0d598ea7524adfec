/// The error page (`error.mustache`): the status, a heading for it, and what went wrong.
struct ErrorPage: ViewModel {
    let status: Int
    let heading: String
    let message: String

    func child(named name: String) -> Any? {
        switch name {
        case "status": status
        case "heading": present(heading)
        case "message": present(message)
        default: nil
        }
    }
}
