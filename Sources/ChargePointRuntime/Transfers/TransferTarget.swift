internal import CCurl
import ChargePoint
import Foundation

/// A transfer's URL taken apart by libcurl's own parser, so that the host and port a
/// failure names are the ones curl connected to.
struct TransferTarget {
    enum Scheme: String, CaseIterable {
        case ftp, http, https
    }

    let url: String
    let scheme: Scheme
    let host: String
    let port: Int
    let path: String
    /// The password in the URL, as written and decoded: what a reason must never show.
    let secrets: [String]

    /// The URL as shown: its password replaced by `SecretMasking.mask`.
    var shown: String { TransferLocation.redacted(url) }
    var hostAndPort: String { "\(host):\(port)" }
    var isHTTP: Bool { scheme != .ftp }

    init(_ url: String) throws(TransferFailure) {
        let shown = TransferLocation.redacted(url)
        let supported = Scheme.allCases.map(\.rawValue).joined(separator: ", ")
        guard let separator = url.range(of: "://") else {
            throw TransferFailure("not a URL: \(shown) (supported schemes: \(supported))")
        }
        let name = url[..<separator.lowerBound].lowercased()
        guard let scheme = Scheme(rawValue: name) else {
            throw TransferFailure("unsupported URL scheme \"\(name)\" in \(shown) (supported: \(supported))")
        }
        guard let handle = curl_url() else { throw TransferFailure("libcurl could not allocate a URL") }
        defer { curl_url_cleanup(handle) }
        let code = curl_url_set(handle, CURLUPART_URL, url, 0)
        guard code == CURLUE_OK else {
            throw TransferFailure("malformed URL \(shown) (\(String(cString: curl_url_strerror(code))))")
        }
        func part(_ which: CURLUPart, _ flags: Int32 = 0) -> String? {
            var value: UnsafeMutablePointer<CChar>?
            guard curl_url_get(handle, which, &value, UInt32(flags)) == CURLUE_OK, let value else { return nil }
            defer { curl_free(value) }
            return String(cString: value)
        }
        guard let host = part(CURLUPART_HOST), !host.isEmpty else { throw TransferFailure("\(shown) names no host") }
        self.url = url
        self.scheme = scheme
        self.host = host
        port = part(CURLUPART_PORT, CURLU_DEFAULT_PORT).flatMap { Int($0) } ?? 0
        path = part(CURLUPART_PATH) ?? "/"
        secrets = Array(Set([part(CURLUPART_PASSWORD), part(CURLUPART_PASSWORD, CURLU_URLDECODE)].compactMap { $0 }))
            .filter { !$0.isEmpty }
    }

    /// Where an upload of `fileName` goes: into the location, which OCPP 1.6 §6.25 calls
    /// a directory (`ftp://host/uploads` and `ftp://host/uploads/` alike), since §5.9
    /// leaves the file name to the station.
    func uploading(_ fileName: String) throws(TransferFailure) -> TransferTarget {
        let directory = path.hasSuffix("/") ? path : path + "/"
        guard let handle = curl_url() else { throw TransferFailure("libcurl could not allocate a URL") }
        defer { curl_url_cleanup(handle) }
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_set(handle, CURLUPART_URL, url, 0) == CURLUE_OK,
            curl_url_set(handle, CURLUPART_PATH, directory + Endpoint.percentEncode(fileName), 0) == CURLUE_OK,
            curl_url_get(handle, CURLUPART_URL, &value, 0) == CURLUE_OK, let value
        else { throw TransferFailure("cannot append the file name \"\(fileName)\" to \(shown)") }
        defer { curl_free(value) }
        return try TransferTarget(String(cString: value))
    }

    /// `text` (from libcurl) with the URL's password hidden, wherever it shows.
    func scrubbed(_ text: String) -> String {
        secrets.reduce(TransferLocation.redacted(text)) { $0.replacingOccurrences(of: $1, with: SecretMasking.mask) }
    }
}
