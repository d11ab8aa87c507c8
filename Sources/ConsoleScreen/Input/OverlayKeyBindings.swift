/// The keys of what covers the views: the text overlays (help, history, commands, status,
/// certificates), a frame, the pickers, and the prompts with their line editor. Rows of
/// the one key table (`KeyBindings.all`).
extension KeyBindings {
    static let overlays: [KeyBinding] =
        scrolling(.frame) + [
            .init(
                [.left, .right, .tab], .partner, .frame, "its request / response",
                disabledReason: KeyAvailability.needsPartner),
            .init([.character("c")], .copyFrame, .frame, "copy the frame (one line of JSON) to the clipboard (OSC 52)"),
            .init([.character("s")], .saveFrame, .frame, "save the frame (one line of JSON) in the data directory"),
            .init([], .close, .frame, "close", also: .anyOther),
        ] + [
            .init([.up, .character("k")], .up, .picker, "previous choice"),
            .init([.down, .character("j")], .down, .picker, "next choice"),
            .init([.home], .top, .picker, "first choice"),
            .init([.end], .bottom, .picker, "last choice"),
            .init([.enter], .choose, .picker, "choose the selected one"),
            .init(
                (1...9).map { .character(Character(String($0))) }, .chooseItem(0), .picker, "choose that one",
                disabledReason: KeyAvailability.needsChoice),
            .init([.escape, .character("q")], .cancel, .picker, "cancel"),
        ] + scrolling(.reading) + [
            .init([], .close, .reading, "close", also: .anyOther)
        ]

    /// Scrolling a text overlay, and Ctrl-L, which repaints rather than closes it.
    private static func scrolling(_ view: KeyBinding.View) -> [KeyBinding] {
        [
            .init([.up, .character("k")], .up, view, "scroll up"),
            .init([.down, .character("j")], .down, view, "scroll down"),
            .init([.pageUp], .pageUp, view, "page up"),
            .init([.pageDown, .character(" ")], .pageDown, view, "page down"),
            .init([.home, .character("g")], .top, view, "the top"),
            .init([.end, .character("G")], .bottom, view, "the end"),
            .init([.control("l")], .repaint, view, "repaint the screen"),
        ]
    }

    static let prompts: [KeyBinding] = [
        .init([.enter], .submit, .commandLine, "run the command"),
        .init([.escape], .cancel, .commandLine, "cancel"),
        .init([.tab], .complete, .commandLine, "complete the word: command, connector, card, error code, key"),
        .init([.up, .down], .edit, .commandLine, "older / newer commands (history)"),
        .init([.enter], .submit, .filterPrompt, "keep the filter (Esc then clears it)"),
        .init([.escape], .cancel, .filterPrompt, "put the filter back as it was"),
        .init([.enter], .submit, .valuePrompt, "set the key / swipe the card"),
        .init([.escape], .cancel, .valuePrompt, "cancel"),
        .init([], .edit, .lineEditor, "typed at the cursor", also: .text),
        .init([.left, .right], .edit, .lineEditor, "move the cursor"),
        .init([.home, .control("a")], .edit, .lineEditor, "to the start of the line"),
        .init([.end, .control("e")], .edit, .lineEditor, "to the end of the line"),
        .init([.backspace, .delete], .edit, .lineEditor, "delete before / under the cursor"),
        .init([.control("u"), .control("k")], .edit, .lineEditor, "delete to the start / to the end"),
        .init([.control("w")], .edit, .lineEditor, "delete the word before the cursor"),
    ]
}
