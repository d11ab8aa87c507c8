import ChargePoint

extension KeyBindings {
    /// The hint bar as the station stands: a toggle says what it will do now (`o online`
    /// while the link is held offline, `o offline` otherwise).
    public static func hints(
        for view: KeyBinding.View, snapshot: StationSnapshot
    ) -> [(key: String, hint: String)] {
        let online = all.first { $0.action == .toggleOnline }.map { $0.keys[0].description }
        return hints(for: view).map { snapshot.heldOffline && $0.key == online ? ($0.key, "online") : $0 }
    }
}
