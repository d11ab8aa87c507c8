/// The SecurityProfile key reports the profile the link is in (security whitepaper §2,
/// issue 11): 1 for HTTP Basic on `ws://`, 2 for it on `wss://`, 3 with a client
/// certificate, when that is above the value written. The driver says how its link is
/// made; the core makes the plan of each connection from the profile (`linkPlan`).
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

    /// How the driver makes the link: a `wss://` URL or not, a `--password`, what
    /// `--ca-file` and `--client-cert` provisioned. SecurityProfile then reads at least
    /// that link's profile (`showLinkProfile`). An AuthorizationKey the central system
    /// sets raises nothing: it is the password of profiles 1 and 2 once SecurityProfile
    /// is raised to one of them (A05.FR.02 makes the key its prerequisite).
    public mutating func describeLink(
        secure: Bool, configuredPassword: Bool, provisioned: ProvisionedCredentials = ProvisionedCredentials()
    ) {
        linkDescription = LinkDescription(
            secure: secure, configuredPassword: configuredPassword, provisioned: provisioned)
        showLinkProfile()
    }

    /// SecurityProfile reads at least the profile the link is in.
    mutating func showLinkProfile() {
        let profile = linkProfile
        guard profile > securityProfile else { return }
        configuration.show(.securityProfile, String(profile))
    }

    /// The profile the link is in as the driver makes it, whatever SecurityProfile says
    /// (a station without the security extension has no such key).
    private var linkProfile: Int {
        let link = linkDescription
        let password = link.configuredPassword || (authorizationKey != nil && securityProfile >= 1)
        // A certificate the central system signed is presented from the next connection
        // (A02/A03), as one given with --client-cert is. It puts the link in profile 3 by
        // itself only where no password is in use: with one, the station stays in profile
        // 2, authenticating with the password, until the central system raises
        // SecurityProfile (A05.FR.04), since profile 3 sends none (`linkPlan`).
        return Self.securityProfile(
            secure: link.secure, password: password,
            clientCertificate: link.clientCertificate || (chargePointCertificate != nil && !password))
    }

    /// The plan of the next connection: the profile in SecurityProfile decides the
    /// scheme (2 and 3 are `wss://`); over TLS the certificate the central system signed
    /// is presented (when the operator gave none) and the server verified with the roots the
    /// server is verified with (M05, with the fallback root of M05.FR.13 while it is
    /// tried). `password` is the driver's (whitepaper A01: `--password` until the
    /// central system sets an AuthorizationKey); profiles 0 and 3 send none: 0 has no
    /// authentication (a key set there waits for SecurityProfile 1, A05), and in 3 the
    /// station authenticates with its certificate (A00.FR.401–402; HTTP Basic is
    /// profiles 1 and 2, A00.FR.202, .302).
    public func linkPlan(password: BasicAuthPassword?) -> LinkPlan {
        let profile = max(securityProfile, linkProfile)
        let secure = linkDescription.secure || profile >= 2
        let roots = certificates.filter {
            $0.use == .centralSystemRootCertificate && (!$0.fallback || link.trustingFallbackRoots)
        }
        return LinkPlan(
            securityProfile: profile, secure: secure, password: (1...2).contains(profile) ? password : nil,
            pingInterval: webSocketPingInterval,
            trustRoots: roots.map(\.pem),
            signedCertificate: secure && !linkDescription.clientCertificate ? chargePointCertificate : nil)
    }
}

/// How the driver makes the station's link (`StationCore.describeLink`).
struct LinkDescription: Sendable {
    var secure = false
    var configuredPassword = false
    var provisioned = ProvisionedCredentials()

    /// `--client-cert` and `--client-key` were given.
    var clientCertificate: Bool { provisioned.clientCertificate != nil }
    /// `--ca-file` was given: the operator installed roots (they count for A05.FR.03).
    var trustConfigured: Bool { !provisioned.rootsPEM.isEmpty }
}
