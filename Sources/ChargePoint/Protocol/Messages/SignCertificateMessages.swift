/// SignCertificate (OCPP 1.6 security whitepaper edition 3, use case A03; messages §5.17 and §5.18).

/// The SignCertificate.req payload.
public struct SignCertificateRequest: OCPPRequest {
    public var csr: BoundedString<Length5500>

    public init(csr: BoundedString<Length5500>) {
        self.csr = csr
    }
}

extension SignCertificateRequest {
    public typealias Response = SignCertificateResponse
    public static let action = Action.signCertificate
}

/// The SignCertificate.conf payload.
public struct SignCertificateResponse: OCPPResponse {
    public var status: GenericStatus

    public init(status: GenericStatus) {
        self.status = status
    }
}

/// Security whitepaper §6.10.
public enum GenericStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
}
