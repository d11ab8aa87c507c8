/// GetInstalledCertificateIds (OCPP 1.6 security whitepaper edition 3, use case M03; messages §5.7 and §5.8).

/// The GetInstalledCertificateIds.req payload.
public struct GetInstalledCertificateIdsRequest: OCPPRequest {
    public var certificateType: CertificateUse

    public init(certificateType: CertificateUse) {
        self.certificateType = certificateType
    }
}

extension GetInstalledCertificateIdsRequest {
    public typealias Response = GetInstalledCertificateIdsResponse
    public static let action = Action.getInstalledCertificateIds
}

/// The GetInstalledCertificateIds.conf payload.
public struct GetInstalledCertificateIdsResponse: OCPPResponse {
    public var certificateHashData: NonEmptyArray<CertificateHashData>?
    public var status: GetInstalledCertificateStatus

    public init(certificateHashData: NonEmptyArray<CertificateHashData>? = nil, status: GetInstalledCertificateStatus) {
        self.certificateHashData = certificateHashData
        self.status = status
    }
}

/// Security whitepaper §6.11.
public enum GetInstalledCertificateStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case notFound = "NotFound"
}
