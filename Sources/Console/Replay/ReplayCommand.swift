import ArgumentParser
import ChargePoint
import ChargePointRuntime
import Foundation

/// `ocpp-console replay FILE --url URL …` (`ReplayOptions`): runs a `ReplaySession` over
/// a WebSocket of its own and prints one line per difference, then a summary. Exit
/// status: 0 when the central system answered as recorded, 5 when it did not, 1 when it
/// cannot connect or the link closed before the end, 2 on bad arguments or a file that
/// is no trace.
enum ReplayCommand {
    static func run(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        let options: ReplayOptions
        do {
            options = try ReplayOptions.parse(arguments)
        } catch {
            if ReplayOptions.exitCode(for: error) == .success {
                print(ReplayOptions.fullMessage(for: error))
                return 0
            }
            return refuse(ReplayOptions.message(for: error))
        }
        // libwebsockets' notices go to swift-log: nowhere, so only the report is printed.
        _ = try? EventLog.bootstrap(path: nil)
        let replay: TraceReplay
        let endpoint: Endpoint
        let password: String?
        let stationId: String
        do {
            replay = try TraceReplay.load(options.path)
            guard !replay.stationCalls.isEmpty else {
                return refuse("\(options.path) holds no CALL of the station to replay")
            }
            stationId = options.id ?? replay.chargePointId
            endpoint = try Endpoint(url: options.url, stationId: stationId)
            password = try options.link.resolve(environment: environment)
        } catch {
            return refuse("\(error)")
        }
        let link = ReplayLink()
        let client = WebSocketClient { event in link.receive(event) }
        do {
            try client.start()
        } catch {
            return refuse("\(error)", status: 1)
        }
        defer { client.stop() }
        client.connect(
            LinkSettings(
                endpoint: endpoint, stationId: stationId, password: password.map(BasicAuthPassword.init(typed:)),
                tls: options.link.tls,
                insecure: options.link.insecure))
        if let reason = link.waitConnected(seconds: options.timeout) {
            return refuse("cannot connect to \(endpoint): \(reason)", status: 1)
        }
        let session = ReplaySession(
            replay: replay, client: client, link: link, timeout: options.timeout,
            original: options.timing == .original)
        let calls = replay.stationCalls.count
        do {
            try session.run()
        } catch {
            return refuse("the link closed after \(error.sent) of \(calls) CALLs: \(error.reason)", status: 1)
        }
        let differences = session.differences
        print(
            "replayed \(calls) CALLs of \(options.path): "
                + (differences == 0 ? "no difference" : "\(differences) difference\(differences == 1 ? "" : "s")"))
        return differences == 0 ? 0 : 5
    }

    private static func refuse(_ line: String, status: Int32 = 2) -> Int32 {
        StandardError.write("ocpp-console replay: \(line)")
        return status
    }
}
