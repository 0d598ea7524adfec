/// Takes each page a load parses, in file order, on the thread that called `ContentLibrary.load`, while the
/// files after it are still being parsed on the other cores: how a full index build writes each page as it comes
/// instead of after the last one (Search's `IndexSink`), so that parsing and writing overlap and a page's HTML and
/// sections leave memory once written.
public protocol PageSink: AnyObject {
    /// `position`: the page's place in the load's file order (`ContentLibrary.filePositions`). After this call the
    /// library keeps only the page's Markdown: its rendered HTML and its sections are the sink's to keep or drop.
    func take(_ page: Page, position: Int, isIntro: Bool)
}
