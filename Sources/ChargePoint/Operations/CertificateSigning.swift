/// The charge point's own certificate (security whitepaper A02/A03): on
/// ExtendedTriggerMessage SignChargePointCertificate, or a month before the certificate
/// expires (`CertificateRenewal`), the station makes a key pair and sends its CSR
/// (SignCertificate.req); CertificateSigned.req brings the signed chain,
/// which is checked (validity, the key of the request, the chain to an installed
/// Central System root) before it is kept for the next connection.
extension StationCore {
    /// ExtendedTriggerMessage SignChargePointCertificate (A02).
    mutating func requestCertificateSigning() -> TriggerMessageStatus {
        guard let refusal = sendCertificateSigningRequest() else { return .accepted }
        reportError("SignChargePointCertificate refused: \(refusal)")
        return .rejected
    }

    /// A02.FR.01–03, A03.FR.02–03, .13: a new key and its CSR, O = CpoName, CN = the
    /// serial number; why not, when it cannot be made. The certificate in use stays in
    /// use until one for the new key is accepted (A03.FR.08).
    mutating func sendCertificateSigningRequest() -> String? {
        let organization = config.value(.cpoName) ?? ""
        guard !organization.isEmpty else { return "the CpoName configuration key is empty" }
        let commonName = certificateCommonName
        switch certificateToolkit.newKeyAndCSR(organization: organization, commonName: commonName) {
        case .failure(let refusal):
            return refusal.description
        case .success(var key):
            (key.organization, key.commonName) = (organization, commonName)
            pendingChargePointKey = key
            certificateRenewal.requestedAt = now
            persist(.chargePointKey(key))
            enqueueCall(SignCertificateRequest(csr: BoundedString(truncating: key.csrPEM)), purpose: .notification)
            notice("a new key pair: its certificate signing request goes to the central system")
            return nil
        }
    }

    /// A02.FR.05–07: the signed certificate, checked; invalid ones are Rejected with an
    /// InvalidChargePointCertificate security event.
    mutating func certificateSigned(_ request: CertificateSignedRequest) -> CertificateSignedResponse {
        let rejected = { (core: inout StationCore, reason: String) -> CertificateSignedResponse in
            core.reportError("CertificateSigned rejected: \(reason)")
            core.securityEvent(.invalidChargePointCertificate, reason)
            return CertificateSignedResponse(status: .rejected)
        }
        guard let key = pendingChargePointKey else {
            return rejected(&self, "no certificate signing request is pending")
        }
        let chain = request.certificateChain.value
        if let limit = config.int(.certificateSignedMaxChainSize), chain.count > limit {
            return rejected(&self, "the chain is longer than CertificateSignedMaxChainSize (\(limit))")
        }
        // A02.FR.06: chained to the Central System roots, installed or given with --ca-file.
        let roots =
            certificates.filter { $0.use == .centralSystemRootCertificate }.map(\.pem)
            + linkDescription.provisioned.rootsPEM
        switch certificateToolkit.chargePointCertificate(chainPEM: chain, key: key, roots: roots, at: wallClock) {
        case .failure(let refusal):
            return rejected(&self, refusal.description)
        case .success(let signed):
            if let problem = propertyProblem(of: signed, requestedBy: key) {
                return rejected(&self, problem)
            }
            let certificate = signed.certificate
            chargePointCertificate = certificate
            pendingChargePointKey = nil
            persist(.chargePointCertificate(certificate))
            notice(
                "charge point certificate \(certificate.subject) installed, valid until \(certificate.notAfter.rfc3339)"
            )
            securityEvent(.reconfigurationOfSecurityParameters, "charge point certificate \(certificate.subject)")
            return CertificateSignedResponse(status: .accepted)
        }
    }

    /// The CN of the station's certificate (A00.FR.511): its serial number, or its model
    /// on a profile that gives none.
    var certificateCommonName: String {
        profile.identity.serialNumber?.value ?? profile.identity.model.value
    }

    /// A02.FR.06 "the properties in Certificate Properties" (whitepaper §2.6.1): the
    /// certificate is the one the station asked for — O the CpoName its CSR carried
    /// (A00.FR.509, A02.FR.13), CN the charge point's serial number (A00.FR.511) — and an
    /// end entity, not a CA (a CA certificate is part of the hierarchy of §2.6.2, never a
    /// charge point's). A key stored before its subject was kept is held against the
    /// CpoName and serial number now. nil when all hold.
    func propertyProblem(of signed: SignedChargePointCertificate, requestedBy key: ChargePointKey) -> String? {
        let subject = signed.certificate.subject
        if signed.isCertificateAuthority {
            return "\(subject) is a certificate authority (basicConstraints CA:TRUE), not a charge point certificate"
        }
        let organization = key.organization ?? config.value(.cpoName) ?? ""
        let commonName = key.commonName ?? certificateCommonName
        if signed.organizationNames != [organization] {
            let found =
                signed.organizationNames.isEmpty ? "no O" : "O=\(signed.organizationNames.joined(separator: "+"))"
            return "\(subject) has \(found), not the CpoName of the request, O=\(organization) (A00.FR.509)"
        }
        if signed.commonNames != [commonName] {
            let found = signed.commonNames.isEmpty ? "no CN" : "CN=\(signed.commonNames.joined(separator: "+"))"
            return "\(subject) has \(found), not the serial number of the request, CN=\(commonName) (A00.FR.511)"
        }
        return nil
    }
}
