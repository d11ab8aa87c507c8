import Testing

@testable import ChargePoint

/// The command table is the one declaration of the language: every row parses what its
/// usage shows, completes its own words, and `help` is the table.
@Suite("Operator command table")
struct CommandCatalogTests {
    static let context = CompletionContext(
        connectors: [1, 2], lockableConnectors: [1], keys: ["AuthorizationKey", "HeartbeatInterval"],
        writableKeys: ["HeartbeatInterval"], idTags: ["04A1B2C3"])

    /// A word that fits the argument (every keyword of a keyword argument).
    static func samples(_ argument: ArgumentDefinition) -> [String] {
        switch argument.kind {
        case .keyword(let words): words
        case .connector: ["1"]
        case .idTag: ["04A1B2C3"]
        case .duration: ["5s"]
        case .kilowatts: ["7.4"]
        case .powerOrCurrent: ["16A"]
        case .choice(let words): words
        case .number: ["7"]
        case .errorCode: ["GroundFailure"]
        case .configurationKey: ["HeartbeatInterval"]
        case .word: ["w"]
        case .commandName: ["plug"]
        case .text: ["two words"]
        }
    }

    /// The lines a row's usage stands for: with every keyword, with and without what is
    /// optional.
    static func sampleLines(_ definition: CommandDefinition) -> [[String]] {
        // Each line, and whether it left out an optional positional argument: those after
        // it cannot be given then (`help csms limit`, never `help limit` alone).
        var lines: [(words: [String], skipped: Bool)] = [([definition.name], false)]
        for argument in definition.arguments {
            let flag = argument.flag.map { [$0] } ?? []
            let extended = lines.filter { argument.flag != nil || !$0.skipped }.flatMap { line in
                samples(argument).map { (line.words + flag + [$0], line.skipped) }
            }
            let positional = argument.flag == nil
            lines =
                argument.occurrence == .required
                ? extended : lines.map { ($0.words, $0.skipped || positional) } + extended
        }
        return lines.map(\.words)
    }

    /// Which argument each word after the name fills (a flag and its value both fill
    /// theirs), for a sample line of `definition`.
    static func arguments(of words: [String], in definition: CommandDefinition) -> [ArgumentDefinition?] {
        var filled: [ArgumentDefinition?] = []
        var remaining = definition.arguments[...]
        var index = 1
        while index < words.count, let argument = remaining.first {
            let word = words[index]
            if argument.occurrence == .optional, argument.flag == nil,
                definition.arguments.contains(where: { $0.flag == word })
            {
                remaining = remaining.dropFirst()
                continue
            }
            if let flag = argument.flag, word != flag {
                remaining = remaining.dropFirst()
                continue
            }
            filled.append(argument)
            index += 1
            if argument.flag != nil, index < words.count {
                filled.append(argument)
                index += 1
            }
            if argument.occurrence != .repeated { remaining = remaining.dropFirst() }
        }
        return filled
    }

    @Test func everyRow_parsesItsOwnUsage_intoItsOwnCommand() throws {
        for definition in CommandCatalog.commands {
            for words in Self.sampleLines(definition) {
                let line = words.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
                let parsed = try CommandParser.parse(line)
                // The same values, handed to the row's builder directly.
                let filling = Self.arguments(of: words, in: definition)
                let values = definition.arguments.map { argument -> ArgumentValue? in
                    let positions = filling.indices.filter { filling[$0] == argument }.map { $0 + 1 }
                    if argument.occurrence == .repeated { return .words(positions.map { words[$0] }) }
                    guard let position = positions.last else { return nil }
                    return try? argument.read(words[position]).get()
                }
                #expect(parsed == definition.build(ParsedArguments(values: values)), "\(line)")
            }
        }
    }

    @Test func everyRow_completesItsOwnWords() {
        for definition in CommandCatalog.commands {
            #expect(CommandCompletion.candidates([], Self.context).contains(definition.name))
            for words in Self.sampleLines(definition) {
                let filling = Self.arguments(of: words, in: definition)
                for position in 1..<max(1, words.count) {
                    guard let argument = filling[position - 1] else { continue }
                    let isFlag = argument.flag == words[position]
                    switch argument.kind {
                    case .duration, .kilowatts, .powerOrCurrent, .number, .word, .text: if !isFlag { continue }
                    default: if argument.flag != nil, !isFlag { continue }
                    }
                    let candidates = CommandCompletion.candidates(Array(words.prefix(position)), Self.context)
                    #expect(candidates.contains(words[position]), "\(words.prefix(position)) → \(candidates)")
                }
            }
        }
    }

    @Test func helpText_isTheTable() {
        #expect(
            CommandCatalog.helpText == """
                plug <c>                                    EV cable connected to connector c
                unplug <c>                                  EV cable removed (at the EV side)
                swipe <idTag> [c]                           RFID card presented at the reader
                stop <c>                                    the local stop button
                ev suspend|resume <c>                       the EV stops / resumes drawing power
                ev power <c> <kW>                           the EV's maximum draw
                fault <c> <ErrorCode> [info]                raise a connector fault (0: the station)
                clear <c>                                   clear the connector's fault
                lock jam|free <c>                           the cable lock jams (neither locks nor unlocks) / works again
                offline                                     cut the link to the central system and keep it down
                online                                      restore the link at once
                reset soft|hard                             a local reboot, as Reset would do it
                powercut                                    abrupt stop of the whole station; the next start recovers
                config get [key ...]                        read configuration keys
                config set <key> <value>                    change a key, as ChangeConfiguration would
                datatransfer <vendorId> [messageId] [data]  send a DataTransfer to the central system
                heartbeat                                   send a Heartbeat now
                boot                                        send a BootNotification now (its answer counts as any boot's)
                status-notify <c>                           send a StatusNotification with the status now (0: the station)
                meter <c>                                   send a MeterValues with the readings now
                send <Action> <json>                        send any CALL the station may send; the payload is checked against the schema first
                status                                      print the station snapshot
                certs                                       list the installed certificates: use, subject, issuer, validity, fingerprint
                securitylog clear                           clear the security log (a critical security event)
                tamper                                      the enclosure's tamper sensor trips (a critical security event)
                wait <duration>                             pause the script: 500ms, 5s, 2m
                wait online [timeout]                       pause the script until the boot is accepted (default at most 60s)
                save-log [file]                             the screen: save every frame of its log (default: in the data directory)
                quit --stop                                 stop every running transaction (Local), wait until the central system has them (or they are queued), leave
                quit                                        leave (a running session resumes on the next start)
                help [command] [action]                     this list; with a command, its usage alone (help csms limit: one csms action)
                csms <action> [argument ...]                the embedded demo central system (--demo) sends the station one of its CALLs; 'help csms' lists them
                """)
    }

    /// `help ev`: the rows of the family, aligned among themselves; nothing for a name
    /// that is no command.
    @Test func helpForOneCommand_isItsRows() throws {
        #expect(
            CommandCatalog.helpText(for: "EV") == """
                ev suspend|resume <c>  the EV stops / resumes drawing power
                ev power <c> <kW>      the EV's maximum draw
                """)
        #expect(CommandCatalog.helpText(for: "exit") == "quit  leave (a running session resumes on the next start)")
        #expect(CommandCatalog.helpText(for: "plugg") == nil)
        // Issue 12 review: one action of a family.
        let limit = try #require(CommandCatalog.helpText(for: "csms limit"))
        #expect(limit.hasPrefix("csms limit ") && !limit.contains("\n"), "\(limit)")
        #expect(CommandCatalog.helpText(for: "csms nothing") == CommandCatalog.helpText(for: "csms"))
        #expect(try CommandParser.parse("help csms limit") == .session(.help(command: "csms limit")))
    }

    @Test func stationAndSessionCommands_areApart() throws {
        for line in ["wait 1s", "wait online", "powercut", "quit", "exit", "help", "?", "save-log"] {
            guard case .session? = try CommandParser.parse(line) else {
                Issue.record("\(line) is not a session command")
                continue
            }
        }
        #expect(try CommandParser.parse("status") == .station(.status))
    }
}
