import Testing

@testable import Console

/// The default data directory is one per station id (issue 8 §2): ids that differ never
/// share a directory, and none names a parent directory.
@Suite("Data directory names")
struct StationDirectoryNameTests {
    @Test func differentIds_neverShareADirectory() {
        let ids = ["a/b", "a_b", "a b", "a%2Fb", "x y", "x_y", "OCD-000001", "Ströme-1", ".", "..", "...", "a.b"]
        let names = ids.map(StationSetup.safeFileName)
        #expect(Set(names).count == ids.count, "\(names)")
        #expect(StationSetup.safeFileName("OCD-000001") == "OCD-000001")
        #expect(StationSetup.safeFileName("a/b") == "a%2Fb")
        #expect(!names.contains { $0 == "." || $0 == ".." || $0.contains("/") })
    }
}
