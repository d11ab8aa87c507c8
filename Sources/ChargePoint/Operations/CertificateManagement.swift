/// The certificate store of the security extension (whitepaper M03–M05):
/// InstallCertificate, GetInstalledCertificateIds and DeleteCertificate. What a
/// certificate is (hash data, validity, whether it is a CA) comes from the driver's
/// `CertificateToolkit`; the rules are here.
extension StationCore {
    mutating func installCertificate(_ request: InstallCertificateRequest) -> InstallCertificateResponse {
        let use = request.certificateType
        let refused = { (core: inout StationCore, reason: String) -> InstallCertificateResponse in
            core.reportError("InstallCertificate \(use.rawValue) rejected: \(reason)")
            return InstallCertificateResponse(status: .rejected)
        }
        let certificate: InstalledCertificate
        switch certificateToolkit.read(
            pem: request.certificate.value, use: use, at: wallClock, issuers: certificates.map(\.pem))
        {
        case .success(let read): certificate = read
        case .failure(let refusal): return refused(&self, refusal.description)  // M05.FR.06
        }
        if certificates.contains(where: { $0.fingerprint == certificate.fingerprint && $0.use == use }) {
            notice("InstallCertificate: \(certificate.subject) is installed already")
            return InstallCertificateResponse(status: .accepted)
        }
        let capacity = config.int(.certificateStoreMaxLength) ?? 10
        guard certificates.filter({ !$0.fallback }).count < capacity else {
            return refused(&self, "the store holds CertificateStoreMaxLength (\(capacity)) certificates")  // M05.FR.03
        }
        if use == .centralSystemRootCertificate, config.bool(.additionalRootCertificateCheck) == true,
            let current = certificates.first(where: { $0.use == use && !$0.fallback })
        {
            // M05.FR.08–11: one root at a time; the new one signed by the one it replaces,
            // which is kept as the fallback.
            if let problem = certificateToolkit.chainProblem(certificate.pem, roots: [current.pem], at: wallClock) {
                return refused(
                    &self,
                    "the new root is not signed by the root in use, \(current.subject) "
                        + "(AdditionalRootCertificateCheck; a fallback root does not count): \(problem)")
            }
            for old in certificates where old.use == use && old.fallback { removeCertificate(old) }
            var fallback = current
            fallback.fallback = true
            certificates.removeAll { $0.fingerprint == current.fingerprint && $0.use == use }
            certificates.append(fallback)
            persist(.certificateInstalled(fallback))
        }
        certificates.append(certificate)
        persist(.certificateInstalled(certificate))
        notice("installed \(use.rawValue) \(certificate.subject), valid until \(certificate.notAfter.rfc3339)")
        securityEvent(.reconfigurationOfSecurityParameters, "\(use.rawValue) \(certificate.subject) installed")
        return InstallCertificateResponse(status: .accepted)
    }

    mutating func getInstalledCertificateIds(
        _ request: GetInstalledCertificateIdsRequest
    ) -> GetInstalledCertificateIdsResponse {
        let hashes = certificates.filter { $0.use == request.certificateType }.map(\.hashData)
        guard let list = NonEmptyArray(hashes) else {  // M03.FR.02
            return GetInstalledCertificateIdsResponse(certificateHashData: nil, status: .notFound)
        }
        return GetInstalledCertificateIdsResponse(certificateHashData: list, status: .accepted)  // M03.FR.03–04
    }

    mutating func deleteCertificate(_ request: DeleteCertificateRequest) -> DeleteCertificateResponse {
        let wanted = request.certificateHashData
        guard let found = certificates.first(where: { Self.same($0.hashData, wanted) }) else {
            return DeleteCertificateResponse(status: .notFound)  // M04.FR.04
        }
        let roots = certificates.filter { $0.use == .centralSystemRootCertificate && !$0.fallback }
        if found.use == .centralSystemRootCertificate, !found.fallback, securityProfile >= 2, roots.count == 1 {
            // M04.FR.06: the root the link is verified with stays.
            reportError(
                "DeleteCertificate: \(found.subject) verifies the connection (SecurityProfile \(securityProfile))")
            return DeleteCertificateResponse(status: .failed)
        }
        removeCertificate(found)
        notice("deleted \(found.use.rawValue) \(found.subject)")
        securityEvent(.reconfigurationOfSecurityParameters, "\(found.use.rawValue) \(found.subject) deleted")
        return DeleteCertificateResponse(status: .accepted)  // M04.FR.02
    }

    mutating func removeCertificate(_ certificate: InstalledCertificate) {
        certificates.removeAll { $0.fingerprint == certificate.fingerprint && $0.use == certificate.use }
        persist(.certificateRemoved(use: certificate.use, fingerprint: certificate.fingerprint))
    }

    /// Hash data compare as CiStrings do (whitepaper §6.1; hex in either case).
    static func same(_ a: CertificateHashData, _ b: CertificateHashData) -> Bool {
        a.hashAlgorithm == b.hashAlgorithm && CaseInsensitive.equal(a.issuerNameHash.value, b.issuerNameHash.value)
            && CaseInsensitive.equal(a.issuerKeyHash.value, b.issuerKeyHash.value)
            && CaseInsensitive.equal(
                a.serialNumber.value.trimmingLeadingZeros, b.serialNumber.value.trimmingLeadingZeros)
    }
}

extension String {
    /// "00fff" → "fff"; "0" stays.
    fileprivate var trimmingLeadingZeros: String {
        let trimmed = drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
