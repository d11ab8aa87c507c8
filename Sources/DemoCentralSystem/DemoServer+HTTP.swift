internal import CLibwebsockets
import ChargePoint
import ChargePointRuntime

/// One HTTP request to the demo's file server (issue 14): a GET of a firmware image it
/// offered, or a PUT of a diagnostics file (the station's upload, README "Firmware and
/// diagnostics": PUT to the location plus the file name).
struct HTTPExchange {
    var path: String
    /// The bytes the PUT brought so far: counted, not kept (the demo records the size).
    var received = 0
    /// What a GET still has to write after the headers.
    var response: [UInt8]?
}

/// The file server of the demo central system on libwebsockets' own HTTP server, in the
/// context that serves OCPP: lws parses the requests and writes the headers; a PUT's
/// body arrives in LWS_CALLBACK_HTTP_BODY pieces and ends with
/// LWS_CALLBACK_HTTP_BODY_COMPLETION. A PUT the demo did not ask for is 403
/// (`DemoCentralSystem.takesUpload`), one above `DemoFiles.uploadLimit` 413 (told by its
/// Content-Length at once, else when its body ends); everything else is 404 or 405.
extension DemoServer {
    func httpCallback(
        _ wsi: OpaquePointer, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
        _ input: UnsafeMutableRawPointer?, _ length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_HTTP:
            let path = input.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? "/"
            if lws_hdr_total_length(wsi, WSI_TOKEN_PUT_URI) > 0 {
                let declared = Int(LibwebsocketsIO.header(wsi, WSI_TOKEN_HTTP_CONTENT_LENGTH)) ?? 0
                guard declared <= DemoFiles.uploadLimit else { return respond(wsi, status: 413) }
                guard centralSystem.takesUpload(at: path) else { return respond(wsi, status: 403) }
                exchanges[wsi] = HTTPExchange(path: path)
                return 0  // the body follows
            }
            guard lws_hdr_total_length(wsi, WSI_TOKEN_GET_URI) > 0 else { return respond(wsi, status: 405) }
            guard let image = centralSystem.files.image(at: path) else { return respond(wsi, status: 404) }
            return respond(wsi, status: 200, body: image)
        case LWS_CALLBACK_HTTP_BODY:
            if input != nil, length > 0 { exchanges[wsi]?.received += length }
            return 0
        case LWS_CALLBACK_HTTP_BODY_COMPLETION:
            guard let exchange = exchanges.removeValue(forKey: wsi) else { return respond(wsi, status: 404) }
            guard exchange.received <= DemoFiles.uploadLimit else { return respond(wsi, status: 413) }
            carryOut(centralSystem.files.uploaded(at: exchange.path, bytes: exchange.received), on: nil)
            return respond(wsi, status: 201)
        case LWS_CALLBACK_HTTP_WRITEABLE:
            guard let body = exchanges.removeValue(forKey: wsi)?.response else { return 0 }
            let pre = tl_pre()
            var buffer = [UInt8](repeating: 0, count: pre) + body
            let written = buffer.withUnsafeMutableBufferPointer { pointer in
                lws_write(wsi, pointer.baseAddress! + pre, body.count, LWS_WRITE_HTTP_FINAL)
            }
            guard written >= body.count else { return -1 }
            return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
        case LWS_CALLBACK_CLOSED_HTTP:
            exchanges[wsi] = nil
            return 0
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            return 0  // the OCPP protocol's callback takes the queued requests
        default:
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        }
    }

    /// Writes the status line and headers (lws makes them); `body`, if any, follows when
    /// the connection is writable. Non-zero: close the connection.
    private func respond(_ wsi: OpaquePointer, status: UInt32, body: [UInt8] = []) -> Int32 {
        let pre = tl_pre()
        var buffer = [UInt8](repeating: 0, count: pre + 512)
        let failed = buffer.withUnsafeMutableBufferPointer { pointer -> Bool in
            let start = pointer.baseAddress! + pre
            let end = pointer.baseAddress! + pointer.count - 1
            var cursor: UnsafeMutablePointer<UInt8>? = start
            return lws_add_http_common_headers(
                wsi, status, "application/octet-stream", lws_filepos_t(body.count), &cursor, end) != 0
                || lws_finalize_write_http_header(wsi, start, &cursor, end) != 0
        }
        if failed { return -1 }
        guard body.isEmpty else {
            exchanges[wsi] = HTTPExchange(path: "", response: body)
            lws_callback_on_writable(wsi)
            return 0
        }
        return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
    }
}
