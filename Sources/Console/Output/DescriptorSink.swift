#if canImport(Glibc)
    import Glibc
#endif

/// Writes lines to an open file descriptor with write(2): a batch as one buffer,
/// finishing short writes and retrying after EINTR. After any other error (a reader
/// that closed its end: EPIPE where SIGPIPE is ignored) it discards what comes, as the
/// console always has. Used by one `LineWriter` thread only.
final class DescriptorSink: @unchecked Sendable {
    private let descriptor: Int32
    private var failed = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ lines: [String]) {
        guard !failed, !lines.isEmpty else { return }
        var text = lines.joined(separator: "\n")
        text.append("\n")
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno != EINTR {
                    failed = true
                    return
                }
            }
        }
    }
}
