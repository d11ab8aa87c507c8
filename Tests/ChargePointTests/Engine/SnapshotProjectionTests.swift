import Testing

@testable import ChargePoint

/// A snapshot drawn between inputs counts its countdowns down (issue 12 review: the boot
/// Pending "retry in 29 s" stood still between boots).
@Suite("Snapshot projection")
struct SnapshotProjectionTests {
    @Test func countdowns_runDown() throws {
        var snapshot = try StationHarness.booted().snapshot
        (snapshot.reconnectIn, snapshot.rebootingIn, snapshot.bootRetryIn) = (9000, 8000, 30_000)
        let later = snapshot.projected(to: snapshot.stationTime.adding(milliseconds: 5000))
        #expect(later.reconnectIn == 4000 && later.rebootingIn == 3000 && later.bootRetryIn == 25_000)
        let past = snapshot.projected(to: snapshot.stationTime.adding(milliseconds: 60_000))
        #expect(past.bootRetryIn == 0)
    }
}
