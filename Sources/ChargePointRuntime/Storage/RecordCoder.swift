import Foundation

/// How the store turns records into the JSON documents it keeps, and back: Foundation's
/// coders with their default settings, as every version of the store has written them,
/// made once for the store's life rather than once per record.
///
/// Sharing them is safe: neither is configured after it is made, and encoding or
/// decoding does not change them.
struct RecordCoder: Sendable {
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func value<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }
}
