import ArgumentParser
import ChargePoint

#if canImport(Glibc)
    import Glibc
#endif

/// `ocpp-console`: the entry point. Parses the command line, maps every way of ending
/// to the exit statuses of DESIGN.md (0 on quit, 2 on bad arguments or profile, 1 on an
/// internal failure) and starts the console.
@main
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocpp-console",
        abstract: "A terminal console over an embedded OCPP 1.6-J charge point.",
        discussion: """
            Without --url (or with --demo) the console starts its own central system on 127.0.0.1 and \
            connects to it. On the screen, ? lists every key and : opens the operator command line; a --script \
            runs there too, its progress on the feedback line.

            Environment: OCPP_CONSOLE_PASSWORD is the Basic auth password (instead of --password, out of ps); \
            NO_COLOR means --theme mono; a locale that is not UTF-8 means --ascii.

            Headless, every command line gets a result event; a line may start with @ID, or be a JSON object \
            {"id":"7","command":"plug","args":["1"]}.

            --fleet N --url URL runs N stations in this one process (identities <--id>-0001 …): on the screen, \
            the fleet view, a line per station (Enter opens one in the single-station view, F goes back); \
            with --headless, JSON Lines. A fleet's command names its station: on CP-0003 plug 1, on all heartbeat.

            Exit status: 0 on quit, 2 on bad arguments (an unreadable file or one --log, --trace or \
            --frame-log cannot write included), a bad station profile or a data directory that cannot be used, \
            3 when a headless command failed (at the end of the run, or at once with --strict), 4 when \
            'wait online' timed out under --strict, 1 on an internal failure.

            --trace and --frame-log time each frame by the host's clock, not the station's (which the central \
            system sets); a --trace that holds records is appended to.

            ocpp-console replay FILE --url URL [--id ID] [--timeout S] [--timing compressed|original] plus the \
            link options above (--password, --password-file, --ca-file, --insecure, --client-cert, --client-key) \
            plays the station's side of a --trace recording against a central system, answers the central \
            system's CALLs as recorded (waiting for those still to come), and reports every difference; \
            date-times compare only as date-times, transactionIds not at all. Exit status 0 when there is no \
            difference, 5 when there is one, 1 when it cannot connect or the link closed, 2 on bad arguments or a \
            file that is no trace. ocpp-console replay --help lists its options.
            """,
        version: VersionInfo.text
    )

    @OptionGroup var options: ConsoleOptions

    /// Replaces ArgumentParser's `main()`, whose usage-error status (64) is not the 2
    /// that DESIGN.md promises scripts.
    static func main() {
        // `ocpp-console replay FILE --url URL`: a tool of its own (issue 13), not a station.
        if CommandLine.arguments.dropFirst().first == "replay" {
            Glibc.exit(ReplayCommand.run(Array(CommandLine.arguments.dropFirst(2))))
        }
        let command: ConsoleCommand
        do {
            command = try parse()
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            StandardError.write("ocpp-console: \(message(for: error))")
            StandardError.write("Run 'ocpp-console --help' for the full command line.")
            Glibc.exit(2)
        }
        Glibc.exit(ConsoleLauncher(options: command.options).run())
    }

    func run() throws {
        // Not used: `main()` above drives the launcher directly.
    }
}
