import ChargePoint

/// The demo cards' holders by name (issue 12, sales engineer): a booth visitor knows
/// Alice, not 04A1B2C3D4E5F6. The connector row and the feedback lines use them.
extension DemoCard {
    /// The holder's name: the label before its remark ("Alice" of "Alice (valid)").
    var holder: String? {
        let name = label.split(separator: "(", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) ?? ""
        return name.isEmpty ? nil : name
    }
}

extension [DemoCard] {
    /// The holder of a demo card's idTag.
    func holder(of idTag: String) -> String? {
        first { $0.idTag.value == idTag }?.holder
    }

    /// `text` with every demo card's idTag, where it stands as a word of its own, given
    /// with its holder: "Alice (04A1B2C3D4E5F6) accepted on connector 1".
    func namingHolders(in text: String) -> String {
        var text = text
        for card in self {
            guard let holder = card.holder else { continue }
            text = Self.replacingWords(card.idTag.value, with: "\(holder) (\(card.idTag.value))", in: text)
        }
        return text
    }

    /// Occurrences of `word` not inside a longer word (an idTag within another hex string
    /// is not that card).
    private static func replacingWords(_ word: String, with replacement: String, in text: String) -> String {
        guard !word.isEmpty else { return text }
        func isWordCharacter(_ character: Character?) -> Bool {
            character.map { $0.isLetter || $0.isNumber } ?? false
        }
        var result = ""
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound > rest.startIndex ? rest[rest.index(before: range.lowerBound)] : nil
            let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : nil
            let standsAlone = !isWordCharacter(before ?? result.last) && !isWordCharacter(after)
            result += rest[..<range.lowerBound] + (standsAlone ? replacement : word)
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
