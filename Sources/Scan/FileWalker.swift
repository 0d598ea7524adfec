#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the files a scan reads under the paths it is given, honouring every `.gitignore` on the way (those of the
/// folders above a given folder too, up to the repository's top, the folder holding `.git`). `.git` folders and
/// symbolic links are never followed. A file named on the command line is read even if a `.gitignore` lists it.
/// POSIX `readdir` rather than FileManager: on 100,000 files the difference is seconds.
struct FileWalker {
    struct IgnoreFile {
        /// Absolute path components of the folder the `.gitignore` is in.
        let base: [[UInt8]]
        let rules: GitIgnore
    }

    /// Files to read (as displayed: the given path joined with the relative one), and folders that could not be read.
    private(set) var files: [String] = []
    private(set) var unreadable: [String] = []

    /// Walks every root; throws for a root that does not exist.
    mutating func walk(_ roots: [String]) throws(ScanError) {
        for root in roots {
            var info = stat()
            guard lstat(root, &info) == 0 else { throw ScanError("\(root): no such file or directory") }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let absolute = Self.components(Self.absolute(root))
                walkFolder(display: root == "." ? "" : (root.hasSuffix("/") ? root : root + "/"),
                           absolute: absolute, ignores: Self.ancestorIgnores(of: absolute))
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                files.append(root)
            } else {
                throw ScanError("\(root): not a regular file or folder")
            }
        }
    }

    private mutating func walkFolder(display: String, absolute: [[UInt8]], ignores: [IgnoreFile]) {
        guard let dir = opendir(display.isEmpty ? "." : display) else {
            unreadable.append(display.isEmpty ? "." : display)
            return
        }
        var entries: [(name: [UInt8], isDirectory: Bool)] = []
        var ignores = ignores
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [46] || name == [46, 46] || name == Self.gitFolder { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                let path = display + String(decoding: name, as: UTF8.self)
                if lstat(path, &info) == 0 {
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
                }
            }
            if type == UInt8(DT_DIR) {
                entries.append((name, true))
            } else if type == UInt8(DT_REG) {
                entries.append((name, false))
                if name == Self.gitignoreName, let text = Self.readText(display + ".gitignore") {
                    ignores.append(IgnoreFile(base: absolute, rules: GitIgnore(text)))
                }
            }
        }
        closedir(dir)
        entries.sort { $0.name.lexicographicallyPrecedes($1.name) }
        for entry in entries {
            let path = absolute + [entry.name]
            if Self.ignored(path, isDirectory: entry.isDirectory, by: ignores) { continue }
            let shown = display + String(decoding: entry.name, as: UTF8.self)
            if entry.isDirectory {
                walkFolder(display: shown + "/", absolute: path, ignores: ignores)
            } else {
                files.append(shown)
            }
        }
    }

    /// The deepest `.gitignore` that has a say decides (a nested file overrides its parents).
    static func ignored(_ path: [[UInt8]], isDirectory: Bool, by ignores: [IgnoreFile]) -> Bool {
        for ignore in ignores.reversed() where path.count > ignore.base.count {
            if let decision = ignore.rules.decision(Array(path[ignore.base.count...]), isDirectory: isDirectory) {
                return decision
            }
        }
        return false
    }

    /// The `.gitignore` files of the folders above `folder`, top first, up to the repository's top (none when
    /// `folder` is not inside a repository).
    static func ancestorIgnores(of folder: [[UInt8]]) -> [IgnoreFile] {
        var found: [IgnoreFile] = []
        var level = folder
        while !level.isEmpty {
            if level.count < folder.count, let text = readText(path(level) + "/.gitignore") {
                found.append(IgnoreFile(base: level, rules: GitIgnore(text)))
            }
            var info = stat()
            if lstat(path(level) + "/.git", &info) == 0 { return found.reversed() }
            level.removeLast()
        }
        return []
    }

    static let gitFolder = Array(".git".utf8)
    static let gitignoreName = Array(".gitignore".utf8)

    static func components(_ path: String) -> [[UInt8]] {
        Array(path.utf8).split(separator: UInt8(ascii: "/")).map(Array.init).filter { $0 != [46] }
    }

    static func path(_ components: [[UInt8]]) -> String {
        "/" + components.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return cwd + "/" + path
    }

    /// A small text file (a `.gitignore`), or nil.
    static func readText(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)  // as Scanner.scanFile: never wait on a file
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count < 1 << 20 {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
