/// The SecurityProfile key reports the profile the link is in (security whitepaper §2,
/// issue 11): 1 for HTTP Basic on `ws://`, 2 for it on `wss://`, when that is above the
/// value written. The driver says how its link is made.
extension StationCore {
    /// The profile of a link: `secure` for `wss://`, `password` when it sends HTTP Basic
    /// credentials, `clientCertificate` when it presents one (profile 3).
    public static func securityProfile(secure: Bool, password: Bool, clientCertificate: Bool = false) -> Int {
        switch (secure, password, clientCertificate) {
        case (true, _, true): 3
        case (true, true, false): 2
        case (false, true, _): 1
        default: 0
        }
    }

    /// The link is made as `profile` says: SecurityProfile reads at least that.
    public mutating func linkUses(securityProfile profile: Int) {
        guard profile > securityProfile else { return }
        configuration.show(.securityProfile, String(profile))
    }

    /// The installed Central System roots (M05), for the link's trust.
    public var centralSystemRootPEMs: [String] {
        certificates.filter { $0.use == .centralSystemRootCertificate }.map(\.pem)
    }

    /// The charge point certificate the central system signed (A02/A03), for the link.
    public var signedChargePointCertificate: ChargePointCertificate? { chargePointCertificate }
}
