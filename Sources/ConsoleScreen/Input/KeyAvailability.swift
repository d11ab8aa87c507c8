/// Why a key cannot act now: the `disabledReason`s of the key table, said in the
/// feedback line instead of ignoring the key.
enum KeyAvailability {
    static func needsEV(_ context: KeyContext) -> String? {
        guard let connector = context.connector, !connector.evConnected else { return nil }
        return "connector \(connector.id): no EV is plugged in"
    }

    static func needsCableLock(_ context: KeyContext) -> String? {
        guard let connector = context.connector, !connector.hasLock else { return nil }
        return "connector \(connector.id) has no cable lock (a fixed cable)"
    }

    static func needsConnector(_ context: KeyContext) -> String? {
        guard case .selectConnector(let number) = context.action,
            !context.snapshot.connectors.contains(where: { $0.id == number })
        else { return nil }
        return "there is no connector \(number)"
    }

    /// `C`: only the embedded central system takes `csms` commands.
    static func needsDemo(_ context: KeyContext) -> String? {
        context.screen.info.demo ? nil : "the csms commands need the embedded central system: start with --demo"
    }

    /// `F`: a station's view of a fleet goes back to the fleet view.
    static func needsFleet(_ context: KeyContext) -> String? {
        context.screen.info.inFleet ? nil : "one station: there is no fleet view (start with --fleet N)"
    }

    /// `Q` waits for one station's stops: a fleet's station alone would be stopped.
    static func needsOneStation(_ context: KeyContext) -> String? {
        guard context.screen.info.inFleet else { return nil }
        return "Q stops one station's sessions and quits the fleet: stop them with :on all stop <connector>, then q"
    }

    static func needsSeveralConnectors(_ context: KeyContext) -> String? {
        context.snapshot.connectors.count == 1 ? "the station has one connector" : nil
    }

    /// Enter on the log.
    static func needsFrame(_ context: KeyContext) -> String? {
        guard context.screen.log.visible.isEmpty else { return nil }
        return context.screen.log.filter.isEmpty ? "the log is empty" : "no frame matches the filter"
    }

    /// Enter on the key list: a key the operator may change.
    static func needsWritableKey(_ context: KeyContext) -> String? {
        let entries = context.screen.filtered(context.configuration)
        guard entries.indices.contains(context.screen.configCursor) else {
            return entries.isEmpty && !context.screen.configFilter.isEmpty ? "no key matches the filter" : nil
        }
        let entry = entries[context.screen.configCursor]
        return entry.access == .readOnly ? "\(entry.key) is read-only" : nil
    }

    /// ← → in a frame: its request or response must be in the log.
    static func needsPartner(_ context: KeyContext) -> String? {
        guard case .frame(let sequence, _)? = context.screen.overlay, let entry = context.screen.log.entry(sequence),
            context.screen.log.partner(of: entry) == nil
        else { return nil }
        return entry.kind == .call ? "no answer to this frame yet" : "this frame answers nothing in the log"
    }

    /// A digit in a picker.
    static func needsChoice(_ context: KeyContext) -> String? {
        guard case .picker(let picker)? = context.screen.overlay, case .chooseItem(let number) = context.action,
            number > picker.items.count
        else { return nil }
        return "there are \(picker.items.count) choices"
    }
}
