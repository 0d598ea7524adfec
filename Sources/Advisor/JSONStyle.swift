import Foundation

/// The one JSON configuration of every API answer and of the CLI's `--json`: sorted keys, whole numbers without
/// `.0` (Foundation writes 1000.0 as 1000), absent optionals left out. Keys are snake_case because the properties
/// (or their CodingKeys) are: `convertToSnakeCase` would cost a string conversion per key per response. Types write
/// their own `encode(to:)` only where a key must be present as `null` (the tests say which).
public enum JSONStyle {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
