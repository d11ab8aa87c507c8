import Foundation
import ChargePoint

/// Reads the demo cards of `Assets/cards.toml` (see `DemoCard`).
public enum DemoCards {
    public static func load(_ url: URL) throws(ProfileError) -> [DemoCard] {
        try parse(TOMLDocument(contentsOf: url))
    }

    public static func parse(toml text: String, file: String = "<cards>") throws(ProfileError) -> [DemoCard] {
        try parse(TOMLDocument(text: text, file: file))
    }

    static func parse(_ document: TOMLDocument) throws(ProfileError) -> [DemoCard] {
        let root = TOMLTableReader(document: document, path: "", table: document.root)
        try root.allowOnly(["card"])
        var cards: [DemoCard] = []
        for reader in try root.tables("card") {
            try reader.allowOnly(["id-tag", "label", "status", "parent", "expiry-date"])
            let text = try reader.requiredString("id-tag", maxLength: 20)
            let status =
                try reader.choice("status", AuthorizationStatus.self, allowed: AuthorizationStatus.allCases)
                ?? .accepted
            var expiry: Timestamp?
            if let date = try reader.string("expiry-date") {
                guard let parsed = Timestamp(rfc3339: date) else {
                    throw document.error(reader.field("expiry-date"), "'\(date)' is not an RFC 3339 date-time")
                }
                expiry = parsed
            }
            guard let idTag = IdToken(text) else { throw document.error(reader.field("id-tag"), "too long") }
            if cards.contains(where: { $0.idTag.equalsIgnoringCase(idTag) }) {
                throw document.error(reader.field("id-tag"), "\(text) is listed twice")
            }
            cards.append(
                DemoCard(
                    idTag: idTag, label: try reader.string("label") ?? text, status: status,
                    parentIdTag: try reader.string("parent", maxLength: 20).flatMap(IdToken.init), expiryDate: expiry))
        }
        return cards
    }
}
