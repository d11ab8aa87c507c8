/// The WebSocket to the central system, as `StationDriver` uses it: the libwebsockets
/// client in production, an in-memory peer in tests and benchmarks. What the link
/// reports back (up, down, a text message) reaches the driver as `StationInput`s.
public protocol LinkTransport {
    /// Sends one text message (an OCPP-J frame), after everything sent before it.
    mutating func send(_ frame: String)
    /// Opens the link. `password`: the HTTP Basic auth password (security profiles 1
    /// and 2), nil for none. `pingInterval`: WebSocket pings every this many s, 0 none.
    mutating func connect(password: String?, pingInterval: Int)
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
