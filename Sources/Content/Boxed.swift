/// A section block of the front matter, kept behind a reference: a `ModelSpec` is over 2 KB inline, and every page
/// carried that space for its `model:` block whether it had one or not (29 MB on the bench's 10,000-page corpus).
/// Codable as the value itself, under the property's own key: absent when nil, never written as null.
@propertyWrapper
public struct Boxed<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var storage: Storage

    public var wrappedValue: Value {
        get { storage.value }
        set { storage = Storage(newValue) }
    }

    public init(wrappedValue: Value) { storage = Storage(wrappedValue) }

    public init(from decoder: any Decoder) throws { storage = Storage(try Value(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try storage.value.encode(to: encoder) }

    public static func == (a: Boxed, b: Boxed) -> Bool { a.storage === b.storage || a.storage.value == b.storage.value }
}

// The synthesized coding of an optional block: a missing key is nil, and nil is left out.
extension KeyedDecodingContainer {
    public func decode<T>(_ type: Boxed<T?>.Type, forKey key: Key) throws -> Boxed<T?> {
        Boxed(wrappedValue: try decodeIfPresent(T.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    public mutating func encode<T>(_ value: Boxed<T?>, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}
