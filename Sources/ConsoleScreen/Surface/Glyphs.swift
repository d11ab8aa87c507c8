/// The characters the screen draws with: UTF-8 box drawing and block elements, or an
/// ASCII fallback when the terminal's locale cannot show them (PLATFORM-NOTES "Curses").
public struct Glyphs: Sendable, Equatable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// The sparkline's eight heights, lowest first.
    public var levels: [Character]
    public var dot: Character
    public var arrowOut: Character
    public var arrowIn: Character
    public var ellipsis: Character
    /// A progress bar: its two ends, an empty cell, and a cell filled in steps, the
    /// full cell last.
    public var barLeft: Character
    public var barRight: Character
    public var barEmpty: Character
    public var barSteps: [Character]

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], dot: "●", arrowOut: "→", arrowIn: "←", ellipsis: "…",
        barLeft: "▕", barRight: "▏", barEmpty: " ", barSteps: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"])

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        levels: ["_", ".", ":", "-", "=", "+", "*", "#"], dot: "*", arrowOut: ">", arrowIn: "<", ellipsis: "~",
        barLeft: "[", barRight: "]", barEmpty: ".", barSteps: ["-", "#"])
}

extension Glyphs {
    /// A bar of `cells` cells between its ends for `fraction` (0…1) full: full cells, then
    /// one filled in steps, then empty (a transfer's progress, a battery's charge).
    func bar(_ fraction: Double, cells: Int) -> String {
        let steps = barSteps
        let units = Int((min(1, max(0, fraction)) * Double(max(0, cells) * steps.count)).rounded(.down))
        var filled = String(repeating: steps[steps.count - 1], count: units / steps.count)
        if units % steps.count > 0 { filled.append(steps[units % steps.count - 1]) }
        filled += String(repeating: barEmpty, count: max(0, cells - filled.count))
        return String(barLeft) + filled + String(barRight)
    }
}
