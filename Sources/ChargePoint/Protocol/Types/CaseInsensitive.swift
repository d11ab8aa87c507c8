/// The comparison rule of every CiString field (OCPP 1.6 §7.15–§7.19: "String is case
/// insensitive"; errata 3.74, 3.75 for IdToken §7.28): configuration keys, idTags and
/// parentIdTags, DataTransfer vendorId and messageId, and the items of a configuration
/// value (§6.9, CiString500Type).
///
/// Two CiStrings are the same identifier when their folded forms are equal; a
/// dictionary keyed by such an identifier is keyed by the folded form. The folding is
/// `lowercased()`: for the printable ASCII the specification allows (§2 "CiString") it
/// is plain case folding, and it is the form the authorization cache and the local list
/// have always been stored under, so stored keys stay valid.
public enum CaseInsensitive {
    /// The form two spellings of one identifier share.
    public static func fold(_ text: String) -> String { text.lowercased() }

    public static func equal(_ lhs: String, _ rhs: String) -> Bool { fold(lhs) == fold(rhs) }

    /// The member of `candidates` that `text` spells, in the candidate's own spelling.
    public static func match<C: Collection<String>>(_ text: String, in candidates: C) -> String? {
        let folded = fold(text)
        return candidates.first { fold($0) == folded }
    }
}
