package import CLibwebsockets
import ChargePoint

/// What the WebSocket client and the demo server both do with a libwebsockets
/// connection, in one place.
package enum LibwebsocketsIO {
    /// Writes one text message (lws needs LWS_PRE bytes of headroom before it); false
    /// when lws could not take it all, which means the connection is done.
    package static func writeText(_ wsi: OpaquePointer, _ message: [UInt8]) -> Bool {
        let pre = tl_pre()
        var buffer = [UInt8](repeating: 0, count: pre + message.count)
        buffer.replaceSubrange(pre..<(pre + message.count), with: message)
        let written = buffer.withUnsafeMutableBufferPointer { pointer in
            lws_write(wsi, pointer.baseAddress! + pre, message.count, LWS_WRITE_TEXT)
        }
        return written >= message.count
    }

    /// A header of the handshake ("" when absent).
    package static func header(_ wsi: OpaquePointer, _ token: lws_token_indexes, capacity: Int = 512) -> String {
        var buffer = [CChar](repeating: 0, count: capacity)
        let count = lws_hdr_copy(wsi, &buffer, Int32(buffer.count), token)
        guard count > 0 else { return "" }
        return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The text of a NUL-terminated C buffer a C function filled.
    package static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The object that owns the context of `wsi` (its creation info's `user`): how a C
    /// callback finds its Swift side again.
    package static func owner<Owner: AnyObject>(of wsi: OpaquePointer, as type: Owner.Type) -> Owner? {
        guard let context = lws_get_context(wsi), let owner = lws_context_user(context) else { return nil }
        return Unmanaged<Owner>.fromOpaque(owner).takeUnretainedValue()
    }

    /// An lws protocol entry named `name` (the OCPP-J subprotocol, "ocpp1.6", or "http")
    /// calling `callback`, with room for whole OCPP messages. Its name is allocated:
    /// `freeProtocolNames` releases it.
    package typealias Callback =
        @convention(c) (OpaquePointer?, lws_callback_reasons, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Int)
        -> Int32

    package static func protocolEntry(_ name: String, _ callback: Callback) -> lws_protocols {
        var entry = lws_protocols()
        entry.name = UnsafePointer(strdup(name))
        entry.callback = callback
        entry.rx_buffer_size = 65536
        return entry
    }

    /// Frees the names of `count` entries made by `protocolEntry` (the table itself is the
    /// caller's).
    package static func freeProtocolNames(_ table: UnsafeMutablePointer<lws_protocols>, count: Int) {
        for index in 0..<count { free(UnsafeMutableRawPointer(mutating: table[index].name)) }
    }
}
