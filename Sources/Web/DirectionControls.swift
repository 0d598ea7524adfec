/// Text shown where no markup can isolate it (a page title, a sentence of an error message): its Unicode direction
/// controls (U+202A-202E, U+2066-2069) go, or a right-to-left override in a file name reversed the rest of the
/// sentence ("exe‮fdp." shown as a PDF). Where markup can, the template wraps the text in `<bdi>` instead.
enum DirectionControls {
    static func stripped(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !(0x202A...0x202E).contains($0.value) && !(0x2066...0x2069).contains($0.value)
        }))
    }
}
