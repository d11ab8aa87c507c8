import Foundation
import Testing

@testable import Console

/// The field technician's password: out of `ps` and the shell's history, one source only.
@Suite("Password sources")
struct PasswordSourceTests {
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(UUID().uuidString)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theFirstLineOfTheFile_withoutItsNewline() throws {
        let path = try Self.file("s3cret pass\nignored\n")
        #expect(try PasswordSource.resolve(option: nil, file: path, environment: [:]) == "s3cret pass")
        #expect(try PasswordSource.resolve(option: nil, file: try Self.file("crlf\r\n"), environment: [:]) == "crlf")
    }

    @Test func theEnvironment_orTheOption() throws {
        let environment = [PasswordSource.environmentVariable: "from-env"]
        #expect(try PasswordSource.resolve(option: nil, file: nil, environment: environment) == "from-env")
        #expect(try PasswordSource.resolve(option: "given", file: nil, environment: [:]) == "given")
        #expect(try PasswordSource.resolve(option: nil, file: nil, environment: [:]) == nil)
    }

    @Test func twoSources_areRefused_withoutShowingThePassword() throws {
        let environment = [PasswordSource.environmentVariable: "from-env"]
        do {
            _ = try PasswordSource.resolve(option: "given", file: nil, environment: environment)
            Issue.record("two sources were accepted")
        } catch {
            #expect(error.description.contains("--password and OCPP_CONSOLE_PASSWORD"))
            #expect(!error.description.contains("given") && !error.description.contains("from-env"))
        }
        let path = try Self.file("x\n")
        #expect(throws: PasswordSource.Refusal.self) {
            try PasswordSource.resolve(option: "given", file: path, environment: [:])
        }
    }

    @Test func aMissingOrEmptyFile_isRefused() throws {
        #expect(throws: PasswordSource.Refusal.self) {
            try PasswordSource.resolve(option: nil, file: "/nonexistent/pw", environment: [:])
        }
        #expect(throws: PasswordSource.Refusal.self) {
            try PasswordSource.resolve(option: nil, file: try Self.file("\nsecond"), environment: [:])
        }
    }
}
