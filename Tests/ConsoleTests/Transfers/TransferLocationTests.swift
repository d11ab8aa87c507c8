import ChargePoint
import Testing

/// URLs as the station shows them: passwords never, the rest always.
@Suite("Transfer locations (OCPP 1.6 §8)")
struct TransferLocationTests {
    @Test(arguments: [
        ("ftp://user:secret@10.0.0.1:2121/fw.bin", "ftp://user:********@10.0.0.1:2121/fw.bin"),
        ("https://user:p%40ss@host/path?q=1", "https://user:********@host/path?q=1"),
        ("ftp://user@host/fw.bin", "ftp://user@host/fw.bin"),
        ("http://host:8080/a@b", "http://host:8080/a@b"),
        ("http://[::1]:8080/fw.bin", "http://[::1]:8080/fw.bin"),
        ("ftp://user:pa/ss@host/fw.bin", "ftp://user:********@host/fw.bin"),
        ("ftp://user:a:b@c@host/", "ftp://user:********@host/"),
        ("not a URL: user:secret", "not a URL: user:secret"),
    ])
    func redacted_hidesOnlyThePassword(url: String, shown: String) {
        #expect(TransferLocation.redacted(url) == shown)
    }

    @Test func redacted_coversEveryURLInALine() {
        let line = "moved ftp://a:one@h1/x to http://b:two@h2/y"
        #expect(TransferLocation.redacted(line) == "moved ftp://a:********@h1/x to http://b:********@h2/y")
    }
}
