/// One row of the operator command table (`CommandCatalog`): the command's name, its
/// arguments, what it does and how its values become a typed command. The usage of
/// `help` and of error messages, the parser's expectations and Tab's candidates are
/// all derived from the row (lazygit's bindings-as-data; swift-argument-parser).
public struct CommandDefinition: Sendable {
    public let name: String
    /// Other names the parser accepts (`exit` for `quit`); not offered by Tab.
    public let aliases: [String]
    /// A keyword argument, if any, comes first: it picks the row of a family (`ev
    /// suspend|resume <c>`, `ev power <c> <kW>`).
    public let arguments: [ArgumentDefinition]
    public let summary: String
    let build: @Sendable (ParsedArguments) -> OperatorCommand

    init(
        _ name: String, _ arguments: [ArgumentDefinition], _ summary: String, aliases: [String] = [],
        build: @escaping @Sendable (ParsedArguments) -> OperatorCommand
    ) {
        precondition(
            arguments.dropFirst().allSatisfy { $0.keywords.isEmpty }, "\(name): only the first argument is a keyword")
        precondition(
            arguments.dropLast().allSatisfy { $0.occurrence != .repeated && $0.kind != .text },
            "\(name): a repeated argument or a free text comes last")
        self.name = name
        self.aliases = aliases
        self.arguments = arguments
        self.summary = summary
        self.build = build
    }

    /// `ev power <c> <kW>`.
    public var usage: String {
        ([name] + arguments.map(\.usage)).joined(separator: " ")
    }

    /// The keywords that pick this row, if it is one of a family.
    var keywords: [String] { arguments.first?.keywords ?? [] }

    /// Whether `word` is this command's name or one of its aliases.
    func isNamed(_ word: String) -> Bool {
        let lowered = word.lowercased()
        return lowered == name || aliases.contains(lowered)
    }

    /// The argument that the word at `position` (0: the first after the name) fills.
    func argument(at position: Int) -> ArgumentDefinition? {
        if position < arguments.count { return arguments[position] }
        guard let last = arguments.last, last.occurrence == .repeated || last.kind == .text else { return nil }
        return last
    }
}
