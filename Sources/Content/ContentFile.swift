import Foundation

/// Reads one content file as UTF-8 text, refusing what is not a page with a message that says what it is: a FIFO
/// (reading one would block forever), a symbolic link loop, a directory, a file over the size limit, or bytes that
/// are not UTF-8 (with the line and column of the first bad byte).
enum ContentFile {
    static func read(_ file: String, display path: String, limits: ContentLimits) -> Result<String, ContentError> {
        var info = stat()
        // stat follows links: a loop fails with ELOOP, a dangling link with ENOENT.
        guard stat(file, &info) == 0 else {
            let reason = errno == ELOOP ? "is a symbolic link loop (a link that points back to itself)"
                : "cannot be read: \(String(cString: strerror(errno)))"
            return .failure(ContentError(path: path, line: 1, message: reason,
                                         hint: errno == ELOOP ? "point the link at a real file or remove it" : nil))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFIFO:
            return .failure(ContentError(path: path, line: 1, message: "is a FIFO (named pipe), not a file",
                                         hint: "content pages are regular files; remove the pipe"))
        case S_IFDIR:
            return .failure(ContentError(path: path, line: 1, message: "is a directory, not a page"))
        default:
            return .failure(ContentError(path: path, line: 1, message: "is not a regular file (a device or socket)"))
        }
        guard Int(info.st_size) <= limits.maxPageBytes else {
            return .failure(ContentError(path: path, line: 1,
                                         message: "the page is \(Self.size(Int(info.st_size))), over the limit of \(Self.size(limits.maxPageBytes))",
                                         hint: "split it into several pages, or raise --max-page-kib"))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(ContentError(path: path, line: 1, message: "cannot be read: \(String(cString: strerror(errno)))"))
        }
        // Re-checked after reading: the file may have grown since stat.
        guard data.count <= limits.maxPageBytes else {
            return .failure(ContentError(path: path, line: 1,
                                         message: "the page is \(Self.size(data.count)), over the limit of \(Self.size(limits.maxPageBytes))",
                                         hint: "split it into several pages, or raise --max-page-kib"))
        }
        // The standard library's validation is fast, and its string is the page's text (one copy of the bytes, not
        // three); the byte-by-byte scan runs only to place an error.
        guard let text = String(validating: data, as: UTF8.self) else {
            let bytes = [UInt8](data)
            let bad = firstInvalidUTF8(bytes) ?? (offset: 0, line: 1, column: 1)
            return .failure(ContentError(path: path, line: bad.line,
                                         message: "not UTF-8 text: byte 0x\(String(bytes[bad.offset], radix: 16, uppercase: true)) at column \(bad.column) is not valid UTF-8",
                                         hint: "save the file as UTF-8"))
        }
        // A control character is no text a page means: a NUL cut a page short once read back from the index (SQLite
        // reads text to it), and the others reached pages raw, where HTML allows none.
        if let control = data.withUnsafeBytes({ Self.firstControlCharacter(UnsafeRawBufferPointer($0).bindMemory(to: UInt8.self)) }) {
            return .failure(ContentError(path: path, line: control.line,
                                         message: "a control character (U+\(String(format: "%04X", control.scalar))) at column \(control.column)",
                                         hint: "remove it: a page holds text, tabs and line ends"))
        }
        return .success(text)
    }

    /// The characters no page text holds: C0 but tab, line feed, form feed and carriage return; DEL; C1 (the rule
    /// front matter values are held to as well, YAMLBounds; HTMLText escapes the same set on bytes).
    static func isControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0C, 0x0D: false
        case 0x00..<0x20, 0x7F...0x9F: true
        default: false
        }
    }

    /// The first control character of UTF-8 `bytes` other than tab, line feed, form feed and carriage return (C0,
    /// DEL, and the C1 controls, written C2 80 to C2 9F), with its 1-based line and column (in characters).
    static func firstControlCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalar: UInt32, line: Int, column: Int)? {
        var line = 1, lineStart = 0
        for offset in bytes.indices {
            let byte = bytes[offset]
            if byte == 0x0A {
                line += 1
                lineStart = offset + 1
                continue
            }
            // An ASCII byte is its own value; a C1 control is written C2 80 to C2 9F, its second byte its value.
            let scalar: UInt32? = byte < 0x80 ? UInt32(byte)
                : byte == 0xC2 && offset + 1 < bytes.count ? UInt32(bytes[offset + 1]) : nil
            // The column an editor shows: characters, not bytes (after CJK text a byte count is three times it).
            if let scalar, isControl(scalar) { return (scalar, line, bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }) }
        }
        return nil
    }

    /// The offset, line and column (both 1-based, the column in bytes) of the first byte that is not UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, lineStart = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let length = UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    lineStart = offset + 1
                }
                offset += length
            case .emptyInput:
                return nil
            case .error:
                return (offset, line, offset - lineStart + 1)
            }
        }
    }

    /// "2.0 MB", "512 KiB": sizes as a person reads them.
    static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? String(format: "%.1f MiB (%d bytes)", Double(bytes) / 1_048_576, bytes)
            : String(format: "%.1f KiB (%d bytes)", Double(bytes) / 1024, bytes)
    }
}
