/// What the driver must do after the core handled one input, in this order:
/// 1. apply `persist` to durable storage, atomically;
/// 2. send `frames` on the link, in order;
/// 3. carry out `linkRequests`;
/// 4. start or cancel `transfers` (they run outside the core and report back with
///    `StationInput.transfer`);
/// 5. publish `events`;
/// 6. call `handle(.tick)` at `nextWakeUp`.
///
/// Persisting first is what makes the station crash-safe: a frame never leaves before
/// the state that produced it is on disk, so a power cut at any instant loses nothing
/// the central system has seen.
public struct StationEffects: Sendable {
    public var persist: [StoreChange] = []
    public var frames: [String] = []
    public var linkRequests: [LinkRequest] = []
    public var transfers: [TransferCommand] = []
    public var events: [StationEvent] = []
    public var nextWakeUp: Timestamp?

    public init() {}
}

/// What the core asks of the link driver.
public enum LinkRequest: Sendable, Equatable {
    /// Open the WebSocket (with the current credentials and security profile).
    case connect
    /// Close the WebSocket now (operator `offline`, a reset, new credentials).
    case disconnect(reason: String)
}
