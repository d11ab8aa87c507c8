/// How one operator command line ended (issue 13, headless `result` events): the id the
/// line gave (`@7 plug 1`, or `{"id":"7",…}`), its line number in its stream (the
/// `--script` file, or standard input), the command as read, and why it failed (nil when
/// it took effect). `answer` is the event that answered it (`status`: the snapshot).
public struct CommandResult: Sendable, Equatable {
    public var id: String?
    /// 1-based, in the `--script` file or on standard input.
    public var line: Int
    /// Where the line was read: the `--script` file as given, or `stdin`.
    public var source: String
    /// The command as read, without its id.
    public var command: String
    /// Why it failed; nil when it took effect.
    public var error: String?
    /// The event that answered the command, if it has one (`status`, `config get`, `certs`).
    public var answer: StationEvent?
    /// The payload of the station's answer to a `csms …` command's CALL (issue 14).
    public var payload: JSONValue?

    public init(
        id: String?, line: Int, source: String, command: String, error: String? = nil, answer: StationEvent? = nil
    ) {
        (self.id, self.line, self.source, self.command, self.error, self.answer) =
            (id, line, source, command, error, answer)
    }

    public var ok: Bool { error == nil }
}
