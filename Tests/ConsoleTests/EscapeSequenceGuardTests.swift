import Testing

@testable import ConsoleScreen

/// Issue 12 §11: an arrow or End whose bytes came after curses' escape delay reaches
/// the console as Esc, `[`, letter; the `[` must never select the previous connector.
@Suite("Late escape sequences")
struct EscapeSequenceGuardTests {
    /// The keys for `keys`, each read at its time (ms).
    static func read(_ keys: [(Key, Int64)], delay: Int64 = 1000) -> [Key] {
        var escapes = EscapeSequenceGuard(delay: delay)
        return keys.flatMap { escapes.take($0.0, at: $0.1) }
    }

    @Test func aLateArrow_isTheArrow_andNoBracket() {
        #expect(Self.read([(.escape, 0), (.character("["), 0), (.character("A"), 40)]) == [.up])
        #expect(Self.read([(.escape, 0), (.character("O"), 30), (.character("F"), 900)]) == [.end])
        #expect(
            Self.read([(.escape, 0), (.character("["), 5), (.character("6"), 9), (.character("~"), 12)]) == [
                .pageDown
            ])
        #expect(
            Self.read([
                (.escape, 0), (.character("["), 5), (.character("1"), 6), (.character(";"), 6),
                (.character("5"), 7), (.character("C"), 8),
            ]) == [.right])
    }

    /// A sequence the console has no key for is swallowed whole, not typed; a letter
    /// right after the `[` that spells no key is the letter.
    /// Issue 12 review: with a short `ESCDELAY` (25 ms) curses hands the Esc over early;
    /// a `[` 60–90 ms after it is still the arrow's, and the Esc is held as long.
    @Test(arguments: [25, 40, 60, 90] as [Int64])
    func aShortEscDelay_stillHoldsTheWindow(_ late: Int64) {
        #expect(Self.read([(.escape, 0), (.character("["), late), (.character("A"), late + 1)], delay: 25) == [.up])
        var escapes = EscapeSequenceGuard(delay: 25)
        _ = escapes.take(.escape, at: 0)
        #expect(escapes.due(at: late).isEmpty)
    }

    @Test func anUnknownSequence_isNothing() {
        #expect(
            Self.read([(.escape, 0), (.character("["), 1), (.character("2"), 2), (.character("~"), 3)]).isEmpty)
        #expect(Self.read([(.escape, 0), (.character("["), 1), (.character("p"), 2)]) == [.character("p")])
    }

    /// What a person types is left alone: `[` long after an Esc, or without one, and a
    /// letter long after a swallowed `[`.
    @Test func keysTypedByAPerson_areKeys() {
        #expect(Self.read([(.character("["), 0)]) == [.character("[")])
        #expect(Self.read([(.escape, 0), (.character("["), 1500)]) == [.escape, .character("[")])
        #expect(Self.read([(.escape, 0), (.character("["), 300)]) == [.escape, .character("[")])
        #expect(
            Self.read([(.escape, 0), (.character("["), 10), (.character("p"), 2000)]) == [.character("p")])
        #expect(
            Self.read([(.escape, 0), (.character("x"), 5), (.character("["), 6)]) == [
                .escape, .character("x"), .character("["),
            ])
        #expect(
            Self.read([(.escape, 0), (.escape, 5), (.character("["), 6), (.character("B"), 7)]) == [
                .escape, .down,
            ])
    }

    /// Issue 12 review: the Esc of a late arrow must not act (close the `:` prompt, clear
    /// a filter) before its `[` comes: it is held for the window, and given alone once
    /// the window passed with nothing after it.
    @Test func aLoneEsc_isHeld_untilItsWindowPassed() {
        var escapes = EscapeSequenceGuard(delay: 1000)
        #expect(escapes.take(.escape, at: 0).isEmpty)
        #expect(escapes.due(at: 50).isEmpty)
        #expect(escapes.due(at: 150) == [.escape])
        #expect(escapes.due(at: 300).isEmpty, "once")
        #expect(escapes.take(.escape, at: 400).isEmpty)
        #expect(escapes.take(.character("["), at: 450).isEmpty)
        #expect(escapes.take(.character("D"), at: 600) == [.left])
        #expect(escapes.due(at: 2000).isEmpty, "the Esc was the arrow's")
    }

    /// Without the guard the `[` would have moved the selection: it is the previous
    /// connector's key on the dashboard.
    @Test func theBracket_isAKeyOfTheDashboard() {
        #expect(KeyBindings.action(for: .character("["), in: .dashboard) == .previousConnector)
    }
}
