/// CertificateSigned (OCPP 1.6 security whitepaper edition 3, use case A02; messages §5.1 and §5.2).

/// The CertificateSigned.req payload.
public struct CertificateSignedRequest: OCPPRequest {
    public var certificateChain: BoundedString<Length10000>

    public init(certificateChain: BoundedString<Length10000>) {
        self.certificateChain = certificateChain
    }
}

extension CertificateSignedRequest {
    public typealias Response = CertificateSignedResponse
    public static let action = Action.certificateSigned
}

/// The CertificateSigned.conf payload.
public struct CertificateSignedResponse: OCPPResponse {
    public var status: CertificateSignedStatus

    public init(status: CertificateSignedStatus) {
        self.status = status
    }
}

/// Security whitepaper §6.2.
public enum CertificateSignedStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
}
