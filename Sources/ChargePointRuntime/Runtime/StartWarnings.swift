import ChargePoint

/// What a station says first when a setting exposes it (README "Command line"): shown
/// on the screen's feedback line and as headless `error` events. Never the secret itself.
enum StartWarnings {
    /// `basicAuth`: the link opens with a password (`--password` and its kin, or an
    /// AuthorizationKey the central system set).
    static func lines(endpoint: Endpoint, insecure: Bool, basicAuth: Bool) -> [String] {
        var lines: [String] = []
        if insecure {
            lines.append(
                endpoint.secure
                    ? "--insecure: the central system's certificate is not checked; anyone on the path can pose as it"
                    : "--insecure: the certificates of https:// file servers are not checked")
        }
        if basicAuth, !endpoint.secure {
            lines.append(
                "HTTP Basic auth over plain ws://: the password crosses the network readable by anyone on the path; "
                    + "use wss://")
        }
        return lines
    }
}
