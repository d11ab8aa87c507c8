/// Starts what the options ask for and returns the process exit status.
struct ConsoleLauncher {
    let options: ConsoleOptions

    func run() -> Int32 {
        // Until the engine lands (issue 3) there is nothing to start; the demo path says so
        // and succeeds so that the README's first command works from the first commit.
        StandardError.write("ocpp-console: the charge point engine is not built yet; nothing to start")
        return options.demo && !options.headless ? 0 : 2
    }
}
