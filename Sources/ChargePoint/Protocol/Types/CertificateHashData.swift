/// Security whitepaper §6.1 (CertificateHashDataType): identifies one certificate.
public struct CertificateHashData: Codable, Sendable, Hashable {
    public var hashAlgorithm: HashAlgorithm
    public var issuerNameHash: BoundedString<Length128>
    public var issuerKeyHash: BoundedString<Length128>
    public var serialNumber: BoundedString<Length40>

    public init(
        hashAlgorithm: HashAlgorithm, issuerNameHash: BoundedString<Length128>, issuerKeyHash: BoundedString<Length128>,
        serialNumber: BoundedString<Length40>
    ) {
        self.hashAlgorithm = hashAlgorithm
        self.issuerNameHash = issuerNameHash
        self.issuerKeyHash = issuerKeyHash
        self.serialNumber = serialNumber
    }
}

/// Security whitepaper §6.12.
public enum HashAlgorithm: String, OCPPEnumeration {
    case sha256 = "SHA256"
    case sha384 = "SHA384"
    case sha512 = "SHA512"
}

/// Security whitepaper §6.4.
public enum CertificateUse: String, OCPPEnumeration {
    case centralSystemRootCertificate = "CentralSystemRootCertificate"
    case manufacturerRootCertificate = "ManufacturerRootCertificate"
}
