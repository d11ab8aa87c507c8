/// InstallCertificate (OCPP 1.6 security whitepaper edition 3, use case M05; messages §5.11 and §5.12).

/// The InstallCertificate.req payload.
public struct InstallCertificateRequest: OCPPRequest {
    public var certificateType: CertificateUse
    public var certificate: BoundedString<Length5500>

    public init(certificateType: CertificateUse, certificate: BoundedString<Length5500>) {
        self.certificateType = certificateType
        self.certificate = certificate
    }
}

extension InstallCertificateRequest {
    public typealias Response = InstallCertificateResponse
    public static let action = Action.installCertificate
}

/// The InstallCertificate.conf payload.
public struct InstallCertificateResponse: OCPPResponse {
    public var status: CertificateStatus

    public init(status: CertificateStatus) {
        self.status = status
    }
}

/// Security whitepaper §6.3: the answer to InstallCertificate.
public enum CertificateStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case failed = "Failed"
    case rejected = "Rejected"
}
