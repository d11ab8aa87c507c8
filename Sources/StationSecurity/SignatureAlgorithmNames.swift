/// What to say of a certificate whose signature algorithm swift-certificates does not
/// read: a hash the whitepaper forbids (A00.FR.504, .506: SHA-256 or stronger) is named as
/// such, RSASSA-PSS as what the station cannot check. swift-certificates names the
/// algorithm's object identifier in its error's text (dotted); this table only reads that
/// text, it parses no DER.
enum SignatureAlgorithmNames {
    /// Weak hashes: the OID in dotted form, and how to say it.
    private static let weak: [(oid: String, name: String)] = [
        ("1.2.840.113549.1.1.4", "MD5 (md5WithRSAEncryption)"),
        ("1.2.840.113549.1.1.2", "MD2 (md2WithRSAEncryption)"),
        ("1.2.840.10045.4.1", "SHA-1 (ecdsa-with-SHA1)"),
        ("1.2.840.10040.4.3", "SHA-1 (dsa-with-SHA1)"),
    ]
    private static let pss = "1.2.840.113549.1.1.10"

    /// The problem of a certificate whose signature algorithm swift-certificates refused,
    /// from the text of that error.
    static func unsupported(_ errorText: String) -> CertificateProblem {
        for (oid, name) in weak where names(oid, in: errorText) {
            return .weakSignature(name)
        }
        if names(pss, in: errorText) {
            return .unreadable("signed with RSASSA-PSS, which the station cannot check")
        }
        return .unreadable("signed with an algorithm the station cannot check (RSASSA-PSS?)")
    }

    /// Whether `text` holds `oid` as a whole (not as the start of a longer one).
    private static func names(_ oid: String, in text: String) -> Bool {
        var rest = text[...]
        while let found = rest.range(of: oid) {
            let next = rest[found.upperBound...].first
            if next.map({ !$0.isNumber && $0 != "." }) ?? true { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }
}
