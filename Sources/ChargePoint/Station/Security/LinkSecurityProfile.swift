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

    /// How the driver makes the link: `wss://` or not, a `--password`, a client
    /// certificate. SecurityProfile then reads at least that link's profile, and follows
    /// when the central system sets an AuthorizationKey (`showLinkProfile`).
    public mutating func describeLink(secure: Bool, configuredPassword: Bool, clientCertificate: Bool) {
        linkDescription = LinkDescription(
            secure: secure, configuredPassword: configuredPassword, clientCertificate: clientCertificate)
        showLinkProfile()
    }

    /// SecurityProfile reads at least the profile the link is in.
    mutating func showLinkProfile() {
        let link = linkDescription
        let profile = Self.securityProfile(
            secure: link.secure, password: link.configuredPassword || authorizationKey != nil,
            clientCertificate: link.clientCertificate)
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

/// How the driver makes the station's link (`StationCore.describeLink`).
struct LinkDescription: Sendable {
    var secure = false
    var configuredPassword = false
    var clientCertificate = false
}
