/// Raising the security profile (security whitepaper A05) and the fallback root of an
/// AdditionalRootCertificateCheck replacement (M05.FR.12–13), both decided at the
/// connections that follow: the link tries the new setting, and what happens to it
/// says whether it stays.
extension StationCore {
    /// A05.FR.01–04: why SecurityProfile cannot become `requested`; nil when it can.
    func securityProfileChangeProblem(_ requested: Int) -> String? {
        let current = securityProfile
        if requested <= current {
            return "the security profile can only be raised (now \(current))"  // A05.FR.01
        }
        if requested <= 2, authorizationKey == nil, !linkDescription.configuredPassword {
            return "security profile \(requested) needs an AuthorizationKey first"  // A05.FR.02
        }
        if requested >= 2, !hasValidCentralSystemRoot {
            return "security profile \(requested) needs a CentralSystemRootCertificate installed first"  // A05.FR.03
        }
        if requested == 3, !hasValidClientCertificate {
            // A05.FR.04
            return "security profile 3 needs a charge point certificate (SignChargePointCertificate or --client-cert)"
        }
        return nil
    }

    private var hasValidCentralSystemRoot: Bool {
        linkDescription.trustConfigured
            || certificates.contains {
                $0.use == .centralSystemRootCertificate && !$0.fallback && wallClock < $0.notAfter
            }
    }

    private var hasValidClientCertificate: Bool {
        linkDescription.clientCertificate || chargePointCertificate.map { wallClock < $0.notAfter } == true
    }

    /// A05.FR.05–07: answered Accepted; the link reconnects with the new profile, and
    /// falls back to `previous` if that fails (`securedLinkFailed`).
    mutating func beginSecurityProfileUpgrade(from previous: Int, to requested: Int) {
        link.profileUpgrade = ProfileUpgrade(from: previous, to: requested)
        notice("SecurityProfile \(previous) → \(requested): reconnecting with the new profile")
    }

    /// The link is up: a raised profile stays (A05.FR.07); a new root that verified the
    /// server retires its fallback (M05.FR.12).
    mutating func securedLinkUp() {
        if let upgrade = link.profileUpgrade {
            link.profileUpgrade = nil
            notice("connected with SecurityProfile \(upgrade.to)")
        }
        showLinkProfile()  // a certificate signed since the last connection makes it 3
        let secure = linkDescription.secure || securityProfile >= 2
        if secure, !link.trustingFallbackRoots {
            for old in certificates where old.use == .centralSystemRootCertificate && old.fallback {
                removeCertificate(old)
                notice("the new CentralSystemRootCertificate works: fallback \(old.subject) removed")
            }
        }
        link.trustingFallbackRoots = false
    }

    /// An attempt to connect failed: try the fallback root at once when the new one did
    /// not verify the server (M05.FR.13); else, if the profile was just raised and
    /// `ProfileUpgrade.attempts` attempts with it failed, go back to the previous one
    /// and connect with it at once (A05.FR.08). The closing of a connection that was up
    /// is neither. Called after the back-off is scheduled, which this may overrule.
    mutating func securedLinkFailed(_ failure: LinkFailure?, reason: String, wasConnected: Bool) {
        guard !wasConnected else { return }
        let hasFallback = certificates.contains { $0.use == .centralSystemRootCertificate && $0.fallback }
        if failure == .serverCertificateRejected, hasFallback, !link.trustingFallbackRoots {
            link.trustingFallbackRoots = true
            notice("the new CentralSystemRootCertificate does not verify the central system: trying the fallback root")
            reconnectNow()
            return
        }
        link.trustingFallbackRoots = false
        guard var upgrade = link.profileUpgrade else { return }
        upgrade.failures += 1
        guard upgrade.failures >= ProfileUpgrade.attempts else {
            link.profileUpgrade = upgrade
            return
        }
        link.profileUpgrade = nil
        setConfiguration(.securityProfile, String(upgrade.from))
        reportError("SecurityProfile \(upgrade.to) could not connect (\(reason)): back to \(upgrade.from)")
        securityEvent(
            .reconfigurationOfSecurityParameters,
            "SecurityProfile \(upgrade.to) failed to connect; back to \(upgrade.from)")
        reconnectNow()
    }

    private mutating func reconnectNow() {
        cancel(.reconnect)
        requestConnection()
    }
}

/// A SecurityProfile raised by ChangeConfiguration, until a connection with it succeeds
/// or fails (A05.FR.07–08).
struct ProfileUpgrade: Sendable, Equatable {
    /// Attempts with the new profile before falling back: a central system moving the
    /// station to another endpoint may refuse the first one or two while it does.
    static let attempts = 3

    var from: Int
    var to: Int
    /// Attempts with the new profile that failed so far.
    var failures = 0
}
