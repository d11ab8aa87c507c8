@testable import ChargePoint
import Testing

@Suite("JSON parser and serializer")
struct JSONParserTests {
    @Test(arguments: [
        #"{}"#, #"[]"#, #"[2,"id","Heartbeat",{}]"#, #"{"a":[1,-2,3.5,1e3,-0.25E-2],"b":{"c":null,"d":true}}"#,
        #""text""#, #"0"#, #"-0"#, #"{"s":"quote \" slash \\ tab \t nl \n"}"#, #"{"ü":"ä😀"}"#,
    ])
    func validDocumentsRoundTrip(_ text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(JSONSerializer.serialize(value) == text)
        #expect(try JSONParser.parse(JSONSerializer.serialize(value)) == value)
    }

    @Test func whitespaceIsAcceptedAndDroppedOnOutput() throws {
        let value = try JSONParser.parse(" [ 2 ,\n\"a\" ,\t{ \"k\" : 1 } ] \r\n")
        #expect(JSONSerializer.serialize(value) == #"[2,"a",{"k":1}]"#)
    }

    @Test(arguments: [
        "", "[", "[1,]", "{\"a\":1,}", "{a:1}", "'x'", "[01]", "[1.]", "[.5]", "[1e]", "[+1]", "NaN", "[Infinity]",
        "\"unterminated", "\"bad \\x escape\"", "\"\u{01}\"", "[1] [2]", "{\"a\":1,\"a\":2}", "[\"\\ud800\"]",
        "[\"\\udc00\"]", "[\"\\u12\"]", "tru", "nul", "[true false]", "{\"a\" 1}", "/* c */ {}",
    ])
    func malformedDocumentsAreRejected(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func escapesDecodeToTheirCharacters() throws {
        let value = try JSONParser.parse(#"["\u00e4\u20ac\ud83d\ude00\/\b\f\r"]"#)
        #expect(value == ["ä€😀/\u{08}\u{0C}\r"])
    }

    @Test func controlCharactersAreEscapedOnOutput() {
        #expect(JSONSerializer.serialize(["a\u{01}b\u{1F}"]) == #"["a\u0001b\u001f"]"#)
    }

    @Test func nestingBeyondTheLimitIsRejectedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let allowed =
            String(repeating: "[", count: JSONParser.maximumDepth)
            + String(repeating: "]", count: JSONParser.maximumDepth)
        _ = try JSONParser.parse(allowed)
    }

    @Test func numbersKeepTheirLiteralAndKind() throws {
        let value = try JSONParser.parse("[10,10.0,1e1,-7]")
        #expect(value.arrayValue?.map(\.typeName) == ["integer", "number", "number", "integer"])
        #expect(value.arrayValue?[3].intValue == -7)
        #expect(JSONSerializer.serialize(value) == "[10,10.0,1e1,-7]")
    }

    @Test func objectsKeepMemberOrder() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONSyntaxError(offset: 5, reason: "expected ',' or ']'")) { try JSONParser.parse("[1,2 3]") }
    }
}
