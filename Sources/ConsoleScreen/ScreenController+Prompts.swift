import ChargePoint

/// The line typed at the bottom: the `:` command line, a filter, a value.
extension ScreenController {
    /// An action of the key table while a prompt is open.
    mutating func performInPrompt(
        _ action: ScreenAction, key: Key?, snapshot: StationSnapshot, configuration: [ConfigurationEntry],
        at time: Timestamp
    ) -> [ScreenEffect] {
        guard var prompt else { return [] }
        switch action {
        case .cancel:
            self.prompt = nil
            // Esc leaves a filter as it was before the prompt opened (issue 12 §10).
            if let previous = prompt.previous { applyFilter(previous, of: prompt.purpose) }
            return []
        case .submit:
            self.prompt = nil
            return submit(prompt, snapshot: snapshot, configuration: configuration, at: time)
        case .complete:
            let context = CompletionContext(snapshot: snapshot, configuration: configuration, cards: info.cards)
            prompt.choices = prompt.editor.complete { words, _ in CommandCompletion.candidates(words, context) }
        case .edit:
            guard let key, prompt.editor.apply(key) else { return [] }
            prompt.choices = []
        default:
            return []
        }
        self.prompt = prompt
        // Filters apply as they are typed.
        applyFilter(prompt.editor.string, of: prompt.purpose)
        return []
    }

    /// Sets the filter a filter prompt edits; nothing for other prompts.
    private mutating func applyFilter(_ text: String, of purpose: Prompt.Purpose) {
        switch purpose {
        case .logFilter:
            log.setFilter(text)
            logCursor = nil
        case .configFilter:
            configFilter = text
            configCursor = 0
        default: break
        }
    }

    private mutating func submit(
        _ prompt: Prompt, snapshot: StationSnapshot, configuration: [ConfigurationEntry], at time: Timestamp
    )
        -> [ScreenEffect]
    {
        let text = prompt.editor.string
        switch prompt.purpose {
        case .logFilter, .configFilter, .stationFilter, .station:
            return []  // the fleet view's (`FleetController`)
        case .configValue(let key):
            return [.submit(.configSet(key: key, value: text))]
        case .idTag(let connector):
            let idTag = text.trimmingCharacters(in: .whitespaces)
            guard !idTag.isEmpty else { return [] }
            return [.submit(.swipe(idTag: idTag, connector: connector))]
        case .command:
            var editor = prompt.editor
            editor.commit()
            commandHistory = editor.history
            let command: OperatorCommand
            do {
                guard let parsed = try CommandParser.parse(text) else { return [] }
                command = parsed
            } catch {
                say(.error, "\(text.trimmingCharacters(in: .whitespaces)): \(error)", at: time)
                return []
            }
            switch command {
            case .station(let command): return [.submit(command)]
            case .centralSystem(let command):
                guard info.demo else {
                    say(.error, "csms commands need the embedded central system: start with --demo", at: time)
                    return []
                }
                return [.centralSystem(command)]
            case .session(.quit): return [.quit]
            case .session(.quitStopping): return stopAllAndQuit(snapshot, at: time)
            case .session(.powercut): return [.powerCut]
            case .session(.saveLog(let path)): return [.saveLog(path: path)]
            case .session(.help(let command)):
                // The grammar of the `:` line, as headless `help` prints it; the keys stay on `?`.
                open(.commands(command: command, scroll: 0))
                return []
            case .session(.wait), .session(.waitOnline):
                say(.error, "wait pauses scripts; on the screen there is nothing to wait for", at: time)
                return []
            }
        }
    }
}
