/// Why the demo central system sent nothing for a `csms` command: said to the operator
/// as the command's error ("no transaction …", "'…' is longer than 20 characters").
public struct CentralSystemRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// A CALL the demo central system made: its message id (the answer carries it back) and
/// the frame for the station.
public struct DemoCall: Sendable, Equatable {
    public var messageId: String
    public var frame: String
}
