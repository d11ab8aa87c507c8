/// How roles look: a foreground colour (the terminal's eight), an optional background,
/// and attributes. Three themes (DESIGN.md "--theme dark|light|mono"); `mono` is also
/// what `NO_COLOR` and colourless terminals get, with meaning carried by bold, reverse
/// and underline alone.
public struct Theme: Sendable {
    public enum Color: Int, Sendable { case black = 0, red, green, yellow, blue, magenta, cyan, white }

    public struct Look: Sendable, Equatable {
        public var foreground: Color?
        public var background: Color?
        public var bold = false
        public var dim = false
        public var reverse = false
        public var underline = false
    }

    public let name: String
    public let usesColor: Bool
    private let looks: [Role: Look]

    public func look(_ role: Role) -> Look { looks[role] ?? Look() }

    public static func named(_ name: String) -> Theme {
        switch name {
        case "light": .light
        case "mono": .mono
        default: .dark
        }
    }

    public static let dark = Theme(
        name: "dark", usesColor: true,
        looks: [
            .dim: Look(foreground: .white, dim: true), .title: Look(foreground: .cyan, bold: true),
            .border: Look(foreground: .blue), .key: Look(foreground: .yellow, bold: true),
            .accent: Look(foreground: .cyan), .available: Look(foreground: .green, bold: true),
            .preparing: Look(foreground: .yellow, bold: true), .charging: Look(foreground: .cyan, bold: true),
            .suspended: Look(foreground: .yellow), .finishing: Look(foreground: .magenta, bold: true),
            .unavailable: Look(foreground: .white, dim: true), .faulted: Look(foreground: .red, bold: true),
            .outgoing: Look(foreground: .cyan), .incoming: Look(foreground: .green),
            .callError: Look(foreground: .red, bold: true), .selection: Look(reverse: true),
            .error: Look(foreground: .red, bold: true), .notice: Look(foreground: .green),
            .warning: Look(foreground: .yellow, bold: true), .input: Look(foreground: .white, bold: true),
            .spark: Look(foreground: .cyan),
        ])

    public static let light = Theme(
        name: "light", usesColor: true,
        looks: [
            .dim: Look(foreground: .black, dim: true), .title: Look(foreground: .blue, bold: true),
            .border: Look(foreground: .blue), .key: Look(foreground: .magenta, bold: true),
            .accent: Look(foreground: .blue), .available: Look(foreground: .green, bold: true),
            .preparing: Look(foreground: .yellow, bold: true), .charging: Look(foreground: .blue, bold: true),
            .suspended: Look(foreground: .yellow), .finishing: Look(foreground: .magenta, bold: true),
            .unavailable: Look(foreground: .black, dim: true), .faulted: Look(foreground: .red, bold: true),
            .outgoing: Look(foreground: .blue), .incoming: Look(foreground: .green),
            .callError: Look(foreground: .red, bold: true), .selection: Look(reverse: true),
            .error: Look(foreground: .red, bold: true), .notice: Look(foreground: .green),
            .warning: Look(foreground: .red), .input: Look(foreground: .black, bold: true),
            .spark: Look(foreground: .blue),
        ])

    public static let mono = Theme(
        name: "mono", usesColor: false,
        looks: [
            .dim: Look(dim: true), .title: Look(bold: true), .key: Look(bold: true),
            .available: Look(bold: true), .preparing: Look(underline: true), .charging: Look(bold: true),
            .faulted: Look(bold: true, reverse: true), .unavailable: Look(dim: true),
            .callError: Look(bold: true, underline: true), .selection: Look(reverse: true),
            .error: Look(bold: true, reverse: true), .warning: Look(bold: true), .input: Look(bold: true),
        ])
}
