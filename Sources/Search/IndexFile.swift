import Content
import CSQLite
import Foundation

/// A file's identity and version as `stat` sees it: its device and stamp (size, modification time, inode). A
/// rename over the path changes the inode.
public struct FileIdentity: Sendable, Equatable {
    let device: UInt64
    let stamp: FileStamp

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        stamp = FileStamp(info)
    }
}

/// What an index file says about itself (the `meta` table; files from before it have none).
struct IndexMeta {
    var generation = ""
    var content = ""
    /// `IndexWriter.schemaVersion` of the binary that wrote it ("" before versions were recorded).
    var schema = ""
    /// When the files were read (`ContentLibrary.readAt`, nanoseconds); 0 trusts no stamp.
    var readAt: Int64 = 0

    init(connection: Connection) throws(SQLiteError) {
        guard try connection.scalar("SELECT name FROM sqlite_schema WHERE name = 'meta'") != nil else { return }
        let rows = try connection.prepare("SELECT key, value FROM meta")
        while try rows.step() {
            switch rows.text(0) {
            case "generation": generation = rows.text(1)
            case "content": content = rows.text(1)
            case "schema": schema = rows.text(1)
            case "read_at": readAt = Int64(rows.text(1)) ?? 0
            default: break
            }
        }
    }

    /// - Throws: unless the file was written by this version's `IndexWriter` (`SQLiteError.isOtherSchema`).
    func requireCurrentSchema(path: String) throws(SQLiteError) {
        guard schema == IndexWriter.schemaVersion else {
            throw SQLiteError(code: SQLITE_FORMAT, message: "written by another version of haiku-advisor (schema "
                              + "\(schema.isEmpty ? "1" : schema); this one reads \(IndexWriter.schemaVersion))",
                              path: path, operation: "use")
        }
    }
}
