import ChargePoint
import Testing

@Suite("RFC 3339 timestamps")
struct TimestampTests {
    @Test func writesUTCWithMilliseconds() {
        #expect(Timestamp(millisecondsSince1970: 0).rfc3339 == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(millisecondsSince1970: 1_795_534_373_120).rfc3339 == "2026-11-24T15:32:53.120Z")
        #expect(Timestamp(millisecondsSince1970: 951_782_400_000).rfc3339 == "2000-02-29T00:00:00.000Z")
        #expect(Timestamp(millisecondsSince1970: -1).rfc3339 == "1969-12-31T23:59:59.999Z")
    }

    @Test(arguments: [
        ("2026-11-24T15:32:53.120Z", Int64(1_795_534_373_120)),
        ("2026-11-24T15:32:53Z", 1_795_534_373_000),
        ("2026-11-24t15:32:53.12z", 1_795_534_373_120),
        ("2026-11-24T16:32:53.120+01:00", 1_795_534_373_120),
        ("2026-11-24T10:02:53.120-05:30", 1_795_534_373_120),
        ("2026-11-24T15:32:53.120999999Z", 1_795_534_373_120),
        ("2026-11-24T15:32:53.1Z", 1_795_534_373_100),
        ("2024-02-29T00:00:00Z", 1_709_164_800_000),
    ])
    func readsAnyRFC3339Offset(_ text: String, _ milliseconds: Int64) {
        #expect(Timestamp(rfc3339: text)?.millisecondsSince1970 == milliseconds)
    }

    @Test(arguments: [
        "2026-11-24T15:32:53", "2026-11-24 15:32:53Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-11-24T24:00:00Z", "2026-11-24T15:32:53.Z", "2026-11-24T15:32:53+0100", "26-11-24T15:32:53Z",
        "2026-11-24T15:32:53Z ", "", "yesterday", "2026-11-31T00:00:00Z",
    ])
    func refusesWhatIsNotRFC3339(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func roundTripsAcrossFourCenturies() {
        var millis: Int64 = -2_208_988_800_000  // 1900
        while millis < 10_413_792_000_000 {  // 2300
            let stamp = Timestamp(millisecondsSince1970: millis)
            #expect(Timestamp(rfc3339: stamp.rfc3339) == stamp)
            millis += 86_400_000 * 37 + 3_723_456
        }
    }
}
