import Foundation

/// What `stat` says of a content file: its size, modification time (nanoseconds) and inode. Like git's index, a
/// start trusts a file whose stamp is the one recorded when it was last read, instead of reading and hashing it
/// again, unless the file was modified so close to that read that a change within the same clock tick could hide
/// (`isTrusted`).
public struct FileStamp: Sendable, Equatable {
    public let size: Int
    public let modified: Int64
    public let inode: UInt64

    public init(size: Int, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// The stamp of the file at `path` (following links), nil when it cannot be read or is not a regular file.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(info)
    }

    /// The stamp `stat` gave.
    public init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    /// The clock the stamps are compared with, in nanoseconds since 1970.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// A file modified this close before it was read may have changed again within the same tick of the file
    /// system's clock, keeping its stamp: it is hashed again at the next start. Linux file systems with nanosecond
    /// stamps move them by the jiffy (1 to 10 ms): 100 ms is ten ticks. A stamp without nanoseconds comes from a
    /// file system that keeps whole seconds (or two, FAT): two seconds.
    static func racyMargin(of modified: Int64) -> Int64 {
        modified % 1_000_000_000 == 0 ? 2_000_000_000 : 100_000_000
    }

    /// Whether `current` shows the file unchanged since it was read at `readAt`, when it had this stamp.
    public func isTrusted(current: FileStamp, readAt: Int64) -> Bool {
        self == current && modified < readAt - Self.racyMargin(of: modified)
    }
}
