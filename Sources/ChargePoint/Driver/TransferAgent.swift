/// Carries out the file transfers the core asks for (`StationEffects.transfers`): libcurl
/// on its own threads in production, a recorder in tests. What it learns (progress, the
/// end of a try) reaches the core as `StationInput.transfer`, through whoever owns the
/// driver.
public protocol TransferAgent {
    /// Starts or cancels a transfer. `station` is the core as of the input that asked,
    /// for what a diagnostics file holds (configuration, connectors).
    mutating func perform(_ command: TransferCommand, station: StationCore)
    /// A power cut: every transfer stops, without a report.
    mutating func stopAll()
}

/// For drivers that run no transfers (benchmarks, tests of other things): the commands
/// are dropped, so a firmware update or diagnostics upload never reports back.
public struct NoTransfers: TransferAgent {
    public init() {}
    public mutating func perform(_ command: TransferCommand, station: StationCore) {}
    public mutating func stopAll() {}
}
