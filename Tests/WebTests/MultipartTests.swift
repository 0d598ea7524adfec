import Testing
@testable import Web

/// Content-Disposition parameters read as quoted strings (RFC 7578 §4.2).
struct MultipartTests {
    @Test func aSemicolonInsideQuotesIsText() {
        let read = Multipart.parameters(of: #"form-data; name="usage"; filename="report;v2.csv""#)
        #expect(read.map(\.0) == ["name", "filename"] && read.map(\.1) == ["usage", "report;v2.csv"])
        #expect(Multipart.parameters(of: #"form-data; name="usage; x""#).first?.1 == "usage; x")
    }

    @Test func escapesTokensAndSpacesAreReadAsWritten() {
        let read = Multipart.parameters(of: #"form-data;  NAME=usage ; filename="a \"quoted\" name.csv" ; empty="""#)
        #expect(read.map(\.0) == ["name", "filename", "empty"])
        #expect(read.map(\.1) == ["usage", #"a "quoted" name.csv"#, ""])
        #expect(Multipart.parameters(of: "form-data").isEmpty && Multipart.parameters(of: "form-data; novalue").isEmpty)
    }

    /// A backslash escapes only a quote or a backslash: before anything else it is itself, so a Windows path sent as
    /// it is keeps its separators (it read as `C:Usersmeu.csv`), and the message names the file, not the path, with no
    /// direction control to reverse the sentence after it.
    @Test func aWindowsPathKeepsItsBackslashesAndTheMessageNamesTheFile() {
        let read = Multipart.parameters(of: #"form-data; name="usage_file"; filename="C:\Users\me\u.csv""#)
        #expect(read.last?.1 == #"C:\Users\me\u.csv"#)
        #expect(Multipart.parameters(of: #"form-data; filename="a\\b\"c""#).last?.1 == #"a\b"c"#)
        #expect(AdvisorViews.shownName(#"C:\Users\me\u.csv"#) == "u.csv")
        #expect(AdvisorViews.shownName("a\u{202E}vsc.json") == "avsc.json")
    }

    /// The whole part: a file whose name holds a semicolon is the usage file, named as sent.
    @Test func aPartWithASemicolonInItsFilenameIsTheFile() throws {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"report;v2.csv\"\r\n\r\nx,y\r\n--b--\r\n".utf8)
        let form = try Multipart(body: body, boundary: "b")
        #expect(form.parts.first?.name == "usage" && form.parts.first?.filename == "report;v2.csv")
    }
}
