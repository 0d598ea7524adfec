import Foundation
import Yams

/// Reports front-matter keys that the decoder ignored: a typo such as `sumary` would otherwise vanish silently.
/// It re-encodes what was decoded and walks both trees side by side; a key in the file that did not survive the
/// round trip is unknown.
struct UnknownKeyCheck {
    let path: String

    func check<T: Encodable>(node: Node, against decoded: T) throws(ContentError) {
        guard let data = try? JSONEncoder().encode(decoded),
              let known = try? JSONSerialization.jsonObject(with: data) else { return }
        if let error = firstUnknown(node, known, prefix: "") { throw error }
    }

    private func firstUnknown(_ node: Node, _ known: Any, prefix: String) -> ContentError? {
        switch node {
        case .mapping(let mapping):
            guard let dictionary = known as? [String: Any] else { return nil }
            for (keyNode, valueNode) in mapping {
                let key = keyNode.string ?? "\(keyNode)"
                let field = prefix.isEmpty ? key : "\(prefix).\(key)"
                guard let value = dictionary[key] else {
                    if valueNode.null != nil { continue }
                    return ContentError(path: path, line: (keyNode.mark?.line ?? 1) + 1,
                                        message: "unknown field `\(field)`",
                                        hint: "check the spelling against README.md (Content format)")
                }
                if let error = firstUnknown(valueNode, value, prefix: field) { return error }
            }
        case .sequence(let sequence):
            guard let array = known as? [Any] else { return nil }
            for (index, element) in sequence.enumerated() where index < array.count {
                if let error = firstUnknown(element, array[index], prefix: "\(prefix)[\(index)]") { return error }
            }
        default:
            break
        }
        return nil
    }
}
