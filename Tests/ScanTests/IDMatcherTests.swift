import Testing
@testable import Scan

@Suite struct IDMatcherTests {
    let matcher = IDMatcher(names: ["claude-haiku-4-5-20251001", "claude-haiku-4-5", "gpt-4o-mini", "gemini-3.1-flash-lite"])

    func found(_ text: String) -> [(String, IDMatcher.Form)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            matcher.matches(in: buffer).map { (String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), $0.form) }
        }
    }

    @Test func findsIdsAndTheFormsAroundThem() {
        let hits = found("""
            a = "claude-haiku-4-5-20251001"; b = 'claude-haiku-4-5'
            bedrock: us.anthropic.claude-haiku-4-5-20251001-v1:0, anthropic.claude-haiku-4-5-20251001-v1:0
            vertex: claude-haiku-4-5@20251001 snapshot: gpt-4o-mini-2024-07-18 latest: gpt-4o-mini-latest
            """)
        #expect(hits.map(\.0) == ["claude-haiku-4-5-20251001", "claude-haiku-4-5",
                                  "us.anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0",
                                  "claude-haiku-4-5@20251001", "gpt-4o-mini-2024-07-18", "gpt-4o-mini-latest"])
        #expect(hits.map(\.1) == [.id, .id, .bedrock, .bedrock, .vertex, .snapshot, .snapshot])
    }

    @Test func takesTheWholeBedrockRegion() {
        #expect(found("us-gov.anthropic.claude-haiku-4-5-20251001-v1:0 apac.anthropic.claude-haiku-4-5-20251001-v1:0").map(\.0)
                == ["us-gov.anthropic.claude-haiku-4-5-20251001-v1:0", "apac.anthropic.claude-haiku-4-5-20251001-v1:0"])
        // Not a region: longer than 8 bytes, or part of a longer identifier; the id without it is still found.
        #expect(found("toolongreg.anthropic.claude-haiku-4-5 x_us.anthropic.claude-haiku-4-5").map(\.0)
                == ["anthropic.claude-haiku-4-5", "anthropic.claude-haiku-4-5"])
    }

    @Test func findsGooglesVersionNumbers() {
        #expect(found("model: gemini-3.1-flash-lite-001, publishers/google/models/gemini-3.1-flash-lite-002").map(\.0)
                == ["gemini-3.1-flash-lite-001", "gemini-3.1-flash-lite-002"])
        #expect(found("gemini-3.1-flash-lite-001").map(\.1) == [.snapshot])
        // Not a version: two or four digits, or a longer name.
        #expect(found("gemini-3.1-flash-lite-01 gemini-3.1-flash-lite-0012 gemini-3.1-flash-lite-001x").isEmpty)
    }

    @Test func ignoresLongerIdentifiers() {
        #expect(found("gpt-4o-mini-tts xgpt-4o-mini claude-haiku-4-5x my_claude-haiku-4-5 gemini-3.1-flash-lite2").isEmpty)
        #expect(found("gemini-3.1-flash-lite.").map(\.0) == ["gemini-3.1-flash-lite"])
        #expect(found("see claude-haiku-4-5.md").isEmpty)
    }
}
