/// Why a usage file was refused: where (a CSV line, a JSON path such as `$.data[3].results[0].output_tokens`, or
/// the file as a whole) and what was expected there. Nothing of a refused file is used.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `line 12`, `$.data[0].starting_at`, or `the file`.
    public let location: String
    public let message: String

    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
