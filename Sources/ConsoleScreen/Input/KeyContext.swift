import ChargePoint

/// What a key binding's `disabledReason` looks at: the station and the screen as they
/// are when the key comes, and the action the key would take.
public struct KeyContext: Sendable {
    public let action: ScreenAction
    public let snapshot: StationSnapshot
    public let configuration: [ConfigurationEntry]
    let screen: ScreenController

    /// The selected connector (the first one if the selection is gone).
    public var connector: ConnectorSnapshot? {
        snapshot.connectors.first { $0.id == screen.selectedConnector } ?? snapshot.connectors.first
    }
}
