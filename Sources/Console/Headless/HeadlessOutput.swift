import ChargePoint

#if canImport(Glibc)
    import Glibc
#endif

/// Headless standard output (README "Headless events"): the event lines go through a
/// `LineWriter`, so a reader that stops reading (a full pipe, a paused `| less`) never
/// holds up the station. Up to `capacity` bytes of lines wait for the reader; events
/// past that are lost and one `dropped` event with their count stands in their place.
enum HeadlessOutput {
    /// 16 MiB: about 60,000 frame events of typical size, minutes of a busy station.
    static let capacity = 16 << 20

    /// The writer of standard output; `close()` it before the process exits.
    static func standardOutput() -> LineWriter {
        let sink = DescriptorSink(descriptor: STDOUT_FILENO)
        return LineWriter(
            name: "headless stdout", capacity: capacity, sink: sink.write,
            droppedLine: { count, since in EventEncoder.droppedLine(count: count, at: since) })
    }
}
