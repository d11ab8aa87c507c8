internal import CCurl
import ChargePoint
import Foundation

/// libcurl's result codes in words an operator can act on: what failed, where, and the
/// server's or the system's own words in brackets. URLs are shown redacted and
/// anything libcurl says is scrubbed of the URL's password.
extension TransferFailure {
    struct Context {
        var target: TransferTarget
        var trust: TransferTrust
        var connectTimeout: TimeInterval
        var stallSeconds: Int
        /// Why the download file could not take the bytes, when it could not.
        var writeFailure: String?
    }

    /// The failure of a finished `curl_easy_perform`, nil when it succeeded.
    init?(_ code: CURLcode, _ easy: CurlEasy, _ context: Context) {
        let target = context.target
        let status = easy.info(CURLINFO_RESPONSE_CODE)
        if code == CURLE_OK {
            // CURLOPT_FAILONERROR is documented to let some statuses through (401, 407).
            guard target.isHTTP, status >= 400 else { return nil }
            self = Self.http(status, easy, target)
            return
        }
        let detail = target.scrubbed(easy.detail(code))
        let server = target.hostAndPort
        switch code {
        case CURLE_HTTP_RETURNED_ERROR:
            self = Self.http(status, easy, target)
        case CURLE_COULDNT_RESOLVE_HOST:
            self.init("cannot resolve host \(target.host)")
        case CURLE_COULDNT_CONNECT:
            let cause = easy.info(CURLINFO_OS_ERRNO)
            let why = cause != 0 ? String(cString: strerror(Int32(cause))).lowercased() : detail
            self.init("cannot connect to \(server) (\(why))")
        case CURLE_OPERATION_TIMEDOUT:
            if detail.contains("too slow") || easy.info(size: CURLINFO_CONNECT_TIME_T) > 0 {
                self.init("timed out: no data for \(context.stallSeconds) s from \(target.shown)")
            } else {
                self.init("timed out: cannot connect to \(server) within \(Self.seconds(context.connectTimeout)) s")
            }
        case CURLE_TOO_MANY_REDIRECTS:
            self.init("more than \(FileTransfers.maximumRedirects) redirects from \(target.shown)")
        case CURLE_PEER_FAILED_VERIFICATION:
            let trusted = context.trust.caFile.map { "; CA file \($0)" } ?? "; system CA store"
            self.init("TLS: the server's certificate is not trusted (\(detail)\(trusted))")
        case CURLE_SSL_CACERT_BADFILE:
            self.init("TLS: cannot use the CA file \(context.trust.caFile ?? "") (\(detail))")
        case CURLE_SSL_CONNECT_ERROR:
            self.init("TLS: handshake with \(server) failed (\(detail))")
        case CURLE_LOGIN_DENIED:
            self.init("FTP: login refused (\(status))")
        case CURLE_REMOTE_FILE_NOT_FOUND:
            self.init("FTP: no such file \(target.shown) (\(status))")
        case CURLE_REMOTE_ACCESS_DENIED:
            self.init("FTP: access denied to \(target.shown) (\(status))")
        case CURLE_UPLOAD_FAILED where !target.isHTTP:
            self.init("FTP: the server refused the upload to \(target.shown) (\(status))")
        case CURLE_WRITE_ERROR:
            self.init(context.writeFailure ?? "cannot write the download (\(detail))")
        case CURLE_GOT_NOTHING:
            self.init("\(server) closed the connection without an answer")
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            self.init("connection to \(server) lost (\(detail))")
        default:
            let ftp = target.isHTTP ? "" : "FTP: "
            self.init("\(ftp)\(detail) (\(target.shown))")
        }
    }

    private static func http(_ status: Int, _ easy: CurlEasy, _ target: TransferTarget) -> TransferFailure {
        let phrase = HTTPStatus.phrases[status].map { " \($0)" } ?? ""
        let answered = easy.info(string: CURLINFO_EFFECTIVE_URL).map(TransferLocation.redacted) ?? target.shown
        return TransferFailure("HTTP \(status)\(phrase) from \(answered)", httpStatus: status)
    }

    static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? String(Int(interval)) : String(format: "%.1f", interval)
    }
}
