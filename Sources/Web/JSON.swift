import Advisor
import Foundation

/// JSON bodies: stable key order so that responses are reproducible and diff-able.
public enum JSON {
    /// See Advisor's `JSONStyle`.
    public static func encoder(pretty: Bool = false) -> JSONEncoder { JSONStyle.encoder(pretty: pretty) }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        // Encoding our own values cannot fail except by a programmer's mistake (a non-finite number).
        guard let data = try? encoder().encode(value) else { preconditionFailure("unencodable \(T.self)") }
        return [UInt8](data)
    }

    static func response<T: Encodable>(_ value: T, status: Int = 200) -> Response {
        Response.json(encode(value), status: status)
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let field: String?

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)
                try container.encode(message, forKey: .message)
                try container.encode(field, forKey: .field)  // always present, null when no field is at fault
            }

            enum CodingKeys: String, CodingKey { case code, message, field }
        }

        let error: Detail
    }

    static func error(_ error: HTTPError) -> Response {
        response(ErrorBody(error: .init(code: error.code, message: error.message, field: error.field)),
                 status: error.status)
    }
}
