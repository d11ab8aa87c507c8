import ChargePoint

/// What covers the views: the help, the commands, the feedback history, the status, a
/// frame of the log, the pickers of the station keys, the certificates (`certs`).
extension ScreenController {
    func swipePicker(connector: Int) -> Picker {
        var items = info.cards.map {
            Picker.Item(label: $0.label, detail: $0.idTag.value, value: $0.idTag.value)
        }
        items.append(Picker.Item(label: "Another idTag…", detail: "type it", value: ""))
        return Picker(
            title: "Swipe a card at connector \(connector)", purpose: .swipe(connector: connector), items: items)
    }

    func faultPicker(connector: ConnectorSnapshot?) -> Picker {
        let id = connector?.id ?? 1
        var items: [Picker.Item] = []
        if let connector, connector.errorCode != .noError || connector.lockBroken {
            items.append(Picker.Item(label: "Clear the fault", detail: connector.errorCode.rawValue, value: ""))
        }
        for code in ChargePointErrorCode.allCases where code != .noError {
            let detail =
                code == .connectorLockFailure
                ? "the lock fails at the next start" : code.faultsConnector ? "Faulted" : "warning, keeps working"
            items.append(Picker.Item(label: code.rawValue, detail: detail, value: code.rawValue))
        }
        return Picker(title: "Fault on connector \(id)", purpose: .fault(connector: id), items: items)
    }

    func resetPicker() -> Picker {
        Picker(
            title: "Reset the station", purpose: .reset,
            items: [
                Picker.Item(label: "Soft reset", detail: "stop sessions, reboot", value: "soft"),
                Picker.Item(label: "Hard reset", detail: "reboot at once", value: "hard"),
                Picker.Item(label: "Power cut", detail: "no messages, recover at start", value: "powercut"),
            ])
    }

    /// `C` (issue 14 §2): every `csms` command with a line ready to run, made from the
    /// station as it is; the one chosen goes to the `:` line to run (Enter) or edit.
    func centralSystemPicker(connector: ConnectorSnapshot?, snapshot: StationSnapshot) -> Picker {
        let items = CommandCatalog.centralSystemCommands.compactMap { row -> Picker.Item? in
            guard let name = row.arguments.first?.keywords.first,
                let line = CentralSystemExamples.line(name, connector: connector, snapshot: snapshot, cards: info.cards)
            else { return nil }
            // The line as it will run (its arguments shown), then what it sends.
            return Picker.Item(label: String(line.dropFirst("csms ".count)), detail: row.summary, value: line)
        }
        return Picker(title: "The central system sends (Enter: to the : line)", purpose: .centralSystem, items: items)
    }

    /// An action of the key table while an overlay covers the view.
    mutating func performInOverlay(_ overlay: Overlay, _ action: ScreenAction, at time: Timestamp) -> [ScreenEffect] {
        if case .picker(var picker) = overlay {
            switch action {
            case .up: picker.selected = max(0, picker.selected - 1)
            case .down: picker.selected = min(picker.items.count - 1, picker.selected + 1)
            case .top: picker.selected = 0
            case .bottom: picker.selected = picker.items.count - 1
            case .choose:
                self.overlay = nil
                return choose(picker, at: time)
            case .chooseItem(let number):
                guard picker.items.indices.contains(number - 1) else { return [] }
                picker.selected = number - 1
                self.overlay = nil
                return choose(picker, at: time)
            case .cancel:
                self.overlay = nil
                return []
            default: break
            }
            self.overlay = .picker(picker)
            return []
        }
        switch action {
        case .repaint: return [.repaintAll]
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            self.overlay = overlay.scrolled(
                to: ScrollExtent.scrolled(overlay.scroll ?? 0, action, within: overlayExtent))
        case .partner:
            // The partner frame (request ↔ response).
            if case .frame(let sequence, _) = overlay, let entry = log.entry(sequence),
                let partner = log.partner(of: entry)
            {
                open(.frame(sequence: partner.sequence, scroll: 0))
            }
        case .copyFrame, .saveFrame:
            // As shown: secrets were masked before the frame reached the log.
            guard case .frame(let sequence, _) = overlay, let entry = log.entry(sequence) else { return [] }
            if action == .copyFrame { return [.copyToClipboard(entry.oneLine)] }
            return [.saveFrame(entry.oneLine, fileName: entry.fileName)]
        default: self.overlay = nil
        }
        return []
    }

    private mutating func choose(_ picker: Picker, at time: Timestamp) -> [ScreenEffect] {
        let item = picker.items[picker.selected]
        switch picker.purpose {
        case .swipe(let connector):
            if item.value.isEmpty {
                prompt = Prompt(purpose: .idTag(connector: connector), editor: LineEditor())
                return []
            }
            return [.submit(.swipe(idTag: item.value, connector: connector))]
        case .fault(let connector):
            if item.value.isEmpty { return [.submit(.clear(connector: connector))] }
            guard let code = ChargePointErrorCode(rawValue: item.value) else { return [] }
            return [.submit(.fault(connector: connector, code: code, info: nil))]
        case .centralSystem:
            var editor = LineEditor(item.value)
            editor.history = commandHistory
            prompt = Prompt(purpose: .command, editor: editor)
            return []
        case .reset:
            switch item.value {
            case "soft": return [.submit(.reset(.soft))]
            case "hard": return [.submit(.reset(.hard))]
            default: return [.powerCut]
            }
        }
    }
}
