/// One row of the key table (lazygit's and k9s' bindings-as-data): the keys, what they
/// do, where, the words of the help and of the hint bar, and why the keys cannot act
/// now, when they cannot (lazygit's `GetDisabledReason`).
public struct KeyBinding: Sendable {
    /// Where a key is read: a view of the screen, an overlay on it or a prompt.
    public enum View: Sendable, Equatable, CaseIterable {
        case dashboard, configuration
        /// The fleet view (`--fleet N` on the screen): a line per station.
        case fleet
        /// Every view (not the overlays and prompts).
        case everywhere
        case commandLine, filterPrompt, valuePrompt
        /// Every prompt: the keys of the line editor.
        case lineEditor
        case frame, picker
        /// The text overlays: the help, the commands, the feedback history, the status,
        /// the certificates.
        case reading

        /// Where the keys this view does not bind are looked up next.
        var fallback: View? {
            switch self {
            case .dashboard, .configuration, .fleet: .everywhere
            case .commandLine, .filterPrompt, .valuePrompt: .lineEditor
            case .everywhere, .lineEditor, .frame, .picker, .reading: nil
            }
        }

        /// The heading of its section in the help.
        var title: String {
            switch self {
            case .dashboard: "Station"
            case .configuration: "Configuration keys"
            case .fleet: "Fleet (--fleet N, --ids FILE)"
            case .everywhere: "Everywhere"
            case .commandLine: "Command line (:)"
            case .filterPrompt: "Filter (/)"
            case .valuePrompt: "A value or an idTag being typed"
            case .lineEditor: "Editing a line (:, /, values)"
            case .frame: "A frame (Enter on the log)"
            case .picker: "Pickers (s, !, R)"
            case .reading: "Help, history, commands, status, certificates (?, h, :help, :status, :certs)"
            }
        }
    }

    /// Keys that a row takes by kind rather than one by one.
    public enum KeyClass: Sendable, Equatable {
        /// Any character typed (a prompt's text).
        case text
        /// Any key the view binds to nothing else.
        case anyOther

        func contains(_ key: Key) -> Bool {
            switch self {
            case .text:
                if case .character = key { return true }
                return false
            case .anyOther:
                return key != .resize
            }
        }
    }

    public let keys: [Key]
    public let keyClass: KeyClass?
    public let action: ScreenAction
    public let view: View
    public let summary: String
    /// The few words in the hint bar, for the bindings that earn a place there.
    public let hint: String?
    /// Why the key does nothing now, said in the feedback line; nil when it can act.
    public let disabledReason: (@Sendable (KeyContext) -> String?)?

    init(
        _ keys: [Key], _ action: ScreenAction, _ view: View, _ summary: String, hint: String? = nil,
        also keyClass: KeyClass? = nil, disabledReason: (@Sendable (KeyContext) -> String?)? = nil
    ) {
        self.keys = keys
        self.keyClass = keyClass
        self.action = action
        self.view = view
        self.summary = summary
        self.hint = hint
        self.disabledReason = disabledReason
    }

    /// The action for `key`: the number of a digit key goes into the actions that take one.
    func action(for key: Key) -> ScreenAction {
        switch (action, key) {
        case (.selectConnector, .character(let c)): .selectConnector(c.wholeNumberValue ?? 0)
        case (.chooseItem, .character(let c)): .chooseItem(c.wholeNumberValue ?? 0)
        default: action
        }
    }

    /// How the help names the keys: "Tab → ]", "1…9", "characters".
    var label: String {
        switch action {
        case .selectConnector, .chooseItem: return "1…9"
        default: break
        }
        var names = keys.map(\.description)
        switch keyClass {
        case .text?: names.append("characters")
        case .anyOther?: names.append(keys.isEmpty ? "any other key" : "any other")
        case nil: break
        }
        return names.joined(separator: " ")
    }
}
