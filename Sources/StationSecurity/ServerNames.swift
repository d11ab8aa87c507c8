import Foundation
import X509

/// The names a server certificate is for, and whether the host the station dials is an IP
/// address: the two halves of the identity check (A00.FR.308, A00.FR.412; RFC 6125 via
/// swift-certificates' ServerIdentityPolicy).
enum ServerNames {
    /// Whether `host` is an IPv4 or IPv6 address (then it is matched against the iPAddress
    /// entries of subjectAltName, never against a DNS name or the CN).
    static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// What the certificate names, for an operator reading why the name check failed: its
    /// subjectAltName DNS names and IP addresses, else its CN (OCPP certificates put the
    /// FQDN in the CN, A00.FR.510).
    static func of(_ certificate: Certificate) -> [String] {
        var names: [String] = []
        for name in (try? certificate.extensions.subjectAlternativeNames) ?? SubjectAlternativeNames() {
            switch name {
            case .dnsName(let dnsName): names.append(dnsName)
            case .ipAddress(let address): names.append(text(ofAddress: Array(address.bytes)))
            default: continue
            }
        }
        if names.isEmpty {
            for attribute in certificate.subject.flatMap({ $0 }) where attribute.type == .RDNAttributeType.commonName {
                names.append("CN=\(String(attribute.value) ?? String(describing: attribute.value))")
            }
        }
        return names
    }

    private static func text(ofAddress bytes: [UInt8]) -> String {
        guard bytes.count == 16 else { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }
}
