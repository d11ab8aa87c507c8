internal import CCurl
import Foundation

/// One libcurl easy handle and what must live as long as it: the error buffer and the
/// multipart form. An option libcurl refuses is remembered rather than thrown, so that
/// setting up reads as a list; `perform()` reports the first one.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private var form: OpaquePointer?
    private var refused: (option: CURLoption, code: CURLcode)?

    init() throws(TransferFailure) {
        let initialised = tc_global_init()
        guard initialised == CURLE_OK else {
            throw TransferFailure("libcurl could not start (\(String(cString: curl_easy_strerror(initialised))))")
        }
        guard let handle = curl_easy_init() else { throw TransferFailure("libcurl could not create a transfer") }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        check(CURLOPT_ERRORBUFFER, tc_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
    }

    deinit {
        curl_easy_cleanup(handle)
        if let form { curl_mime_free(form) }
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) { check(option, tc_setopt_long(handle, option, value)) }
    func set(_ option: CURLoption, size: Int64) { check(option, tc_setopt_off(handle, option, curl_off_t(size))) }
    func set(_ option: CURLoption, _ value: String) { check(option, tc_setopt_string(handle, option, value)) }
    func set(_ option: CURLoption, _ value: UnsafeMutableRawPointer) {
        check(option, tc_setopt_pointer(handle, option, value))
    }
    func set(write callback: tc_data_callback) {
        check(CURLOPT_WRITEFUNCTION, tc_setopt_write_function(handle, callback))
    }
    func set(read callback: tc_data_callback) { check(CURLOPT_READFUNCTION, tc_setopt_read_function(handle, callback)) }
    func set(seek callback: tc_seek_callback) { check(CURLOPT_SEEKFUNCTION, tc_setopt_seek_function(handle, callback)) }
    func set(progress callback: tc_xferinfo_callback) {
        check(CURLOPT_XFERINFOFUNCTION, tc_setopt_xferinfo_function(handle, callback))
    }

    /// The body of a POST: a multipart/form-data form of one file field (RFC 7578),
    /// as an HTML upload form sends it.
    func post(field: String, fileName: String, contents: [UInt8]) {
        guard let form = curl_mime_init(handle), let part = curl_mime_addpart(form) else {
            refused = refused ?? (CURLOPT_MIMEPOST, CURLE_OUT_OF_MEMORY)
            return
        }
        self.form = form
        check(CURLOPT_MIMEPOST, curl_mime_name(part, field))
        check(CURLOPT_MIMEPOST, curl_mime_filename(part, fileName))
        check(CURLOPT_MIMEPOST, contents.withUnsafeBufferPointer { curl_mime_data(part, $0.baseAddress, $0.count) })
        check(CURLOPT_MIMEPOST, tc_setopt_pointer(handle, CURLOPT_MIMEPOST, UnsafeMutableRawPointer(form)))
    }

    /// Runs the transfer to its end (callbacks run on the calling thread meanwhile).
    func perform() -> CURLcode {
        if let refused { return refused.code }
        return curl_easy_perform(handle)
    }

    /// What libcurl said about the last failure: its error buffer, else the code's text.
    func detail(_ code: CURLcode) -> String {
        if let refused { return "libcurl refused option \(refused.option.rawValue)" }
        let text = String(cString: errorBuffer)
        return text.isEmpty ? String(cString: curl_easy_strerror(code)) : text
    }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return tc_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    func info(size info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        return tc_getinfo_off(handle, info, &value) == CURLE_OK ? Int64(value) : 0
    }

    func info(string info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        guard tc_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    private func check(_ option: CURLoption, _ code: CURLcode) {
        if code != CURLE_OK, refused == nil { refused = (option, code) }
    }
}
