import ChargePoint

/// What the screen shows that the station's snapshot does not carry: where it connects,
/// as whom, and the cards on offer.
public struct StationInfo: Sendable {
    /// The full connection URL, station id included (percent-encoded).
    public var url: String
    public var stationId: String
    public var insecure: Bool
    public var cards: [DemoCard]
    /// The demo central system runs in this process.
    public var demo: Bool
    /// Nobody at the keys (`--demo-loop`): the selection, and so the meter pane, follows
    /// the connector where a session starts.
    public var followsSessions = false
    /// One station of a fleet (`--fleet N` on the screen): `F` goes back to the fleet view.
    public var inFleet = false
    /// `--kiosk`: `Q` stops nothing before a `y` (the session's guard asks), so it says
    /// what it stops once confirmed, not before.
    public var kiosk = false

    public init(url: String, stationId: String, insecure: Bool = false, cards: [DemoCard] = [], demo: Bool = false) {
        self.url = url
        self.stationId = stationId
        self.insecure = insecure
        self.cards = cards
        self.demo = demo
    }
}
