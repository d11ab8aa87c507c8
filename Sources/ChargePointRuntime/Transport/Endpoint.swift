import Foundation
import ChargePoint

/// Where the station connects (OCPP-J 1.6 §3.1.1): the central system's endpoint URL
/// with the station identity appended as the last path segment, percent-encoded; or,
/// for a central system that routes otherwise, put where the URL says `{id}`
/// (`ws://host/ocpp/{id}/`: its trailing slash kept).
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    public var secure: Bool
    public var host: String
    public var port: Int
    /// The connection path, identity included: "/ocpp/CP%20001".
    public var path: String

    /// The place in a URL template where the identity goes.
    public static let identityPlaceholder = "{id}"

    /// Parses a `ws://` or `wss://` URL; anything else is an `EndpointError` saying why.
    public init(url template: String, stationId: String) throws(EndpointError) {
        let templated = template.contains(Self.identityPlaceholder)
        guard template.components(separatedBy: Self.identityPlaceholder).count <= 2 else {
            throw EndpointError("'\(template)' says {id} more than once: the identity goes in one place")
        }
        // Substituted before parsing: `{` and `}` are not allowed in a URL.
        let url = template.replacingOccurrences(of: Self.identityPlaceholder, with: Self.percentEncode(stationId))
        let bare = template.replacingOccurrences(of: Self.identityPlaceholder, with: "")
        guard !bare.contains("{"), !bare.contains("}") else {
            throw EndpointError("'\(template)' has a brace that is no {id}: the identity's place is written {id}")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "ws" || scheme == "wss"
        else { throw EndpointError("'\(url)' is not a ws:// or wss:// URL") }
        guard let host = components.host, !host.isEmpty else { throw EndpointError("'\(url)' has no host") }
        secure = scheme == "wss"
        self.host = host
        port = components.port ?? (secure ? 443 : 80)
        guard (1...65535).contains(port) else { throw EndpointError("port \(port) is out of range") }
        if templated {
            path = components.percentEncodedPath
        } else {
            var base = components.percentEncodedPath
            if !base.hasSuffix("/") { base += "/" }
            path = base + Self.percentEncode(stationId)
        }
        if let query = components.percentEncodedQuery { path += "?" + query }
    }

    /// RFC 3986 unreserved characters stay; everything else is %XX (OCPP-J §3.1.1
    /// example 2: "RDAM 123" → "RDAM%20123").
    static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// The same endpoint over TLS: how a `ws://` URL is used once SecurityProfile is 2
    /// or 3 (security whitepaper A05; the URL's port stays, 80 becomes 443).
    public var secured: Endpoint {
        var endpoint = self
        if !secure {
            endpoint.secure = true
            if port == 80 { endpoint.port = 443 }
        }
        return endpoint
    }

    public var description: String {
        let defaultPort = secure ? 443 : 80
        return "\(secure ? "wss" : "ws")://\(host)\(port == defaultPort ? "" : ":\(port)")\(path)"
    }
}

public struct EndpointError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
