/// The WebSocket to the central system, as `StationDriver` uses it: the libwebsockets
/// client in production, an in-memory peer in tests and benchmarks. What the link
/// reports back (up, down, a text message) reaches the driver as `StationInput`s.
public protocol LinkTransport {
    /// Sends one text message (an OCPP-J frame), after everything sent before it.
    mutating func send(_ frame: String)
    /// Opens the link as `plan` says: the security profile, the Basic auth password,
    /// the roots to verify the server with, the certificate to present, the pings.
    mutating func connect(_ plan: LinkPlan)
    /// Closes the link gracefully (a close frame); `.linkDown` follows.
    mutating func disconnect(reason: String)
    /// Drops the connection without a word, as a power cut does; true when one was
    /// open, and then `.linkDown` follows.
    mutating func abort() -> Bool
}

/// Where the station's durable state lives: SQLite in production, memory in tests.
public protocol StationStore {
    /// Everything saved so far.
    func load() throws -> DurableState
    /// Applies one batch of changes atomically (see `StationEffects.persist`).
    func apply(_ changes: [StoreChange]) throws
}
