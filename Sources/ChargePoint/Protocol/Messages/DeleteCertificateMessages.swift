/// DeleteCertificate (OCPP 1.6 security whitepaper edition 3, use case M04; messages §5.3 and §5.4).

/// The DeleteCertificate.req payload.
public struct DeleteCertificateRequest: OCPPRequest {
    public var certificateHashData: CertificateHashData

    public init(certificateHashData: CertificateHashData) {
        self.certificateHashData = certificateHashData
    }
}

extension DeleteCertificateRequest {
    public typealias Response = DeleteCertificateResponse
    public static let action = Action.deleteCertificate
}

/// The DeleteCertificate.conf payload.
public struct DeleteCertificateResponse: OCPPResponse {
    public var status: DeleteCertificateStatus

    public init(status: DeleteCertificateStatus) {
        self.status = status
    }
}

/// Security whitepaper §6.7.
public enum DeleteCertificateStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case failed = "Failed"
    case notFound = "NotFound"
}
