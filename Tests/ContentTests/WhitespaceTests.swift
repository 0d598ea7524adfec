import Testing
@testable import Content

@Suite struct WhitespaceTests {
    @Test func runsOfASCIIWhitespaceBecomeOneSpaceAndTheEndsGo() {
        #expect(Whitespace.squeeze(Array(" \t Haiku\n\n 5.5 \r\n costs\u{0B}\u{0C}less  ".utf8)) == "Haiku 5.5 costs less")
        #expect(Whitespace.squeeze("  a  b  ") == "a b")
        #expect(Whitespace.squeeze([UInt8]()) == "")
        #expect(Whitespace.squeeze(Array(" \n\t ".utf8)) == "")
    }

    @Test func otherBytesPassThroughUntouched() {
        // A no-break space and an em space are not ASCII whitespace: they stay, byte for byte.
        let text = "caf\u{E9}\u{A0}\u{2003}\u{1F600}  x"
        #expect(Whitespace.squeeze(Array(text.utf8)) == "caf\u{E9}\u{A0}\u{2003}\u{1F600} x")
        #expect(Whitespace.trim(Array("\n  let x = 1\n  y  \n".utf8)) == "let x = 1\n  y")
        #expect(Whitespace.trim("   ") == "")
    }
}
