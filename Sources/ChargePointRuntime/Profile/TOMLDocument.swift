import Foundation
import TOMLKit
import ChargePoint

/// A TOML file read into `JSONValue`, so that profiles and card lists are checked with
/// the same precise, path-naming errors as OCPP payloads. TOMLKit parses; its JSON
/// conversion turns the result into a tree this module already knows how to walk.
struct TOMLDocument {
    let file: String
    let root: JSONObject

    init(contentsOf url: URL) throws(ProfileError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ProfileError(file: url.path, field: "", reason: "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(text: text, file: url.path)
    }

    init(text: String, file: String) throws(ProfileError) {
        self.file = file
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ProfileError(
                file: file, field: "line \(error.source.begin.line)",
                reason: "not valid TOML: \(error.description)")
        } catch {
            throw ProfileError(file: file, field: "", reason: "not valid TOML: \(error)")
        }
        guard let json = try? JSONParser.parse(table.convert(to: .json)), let object = json.objectValue else {
            throw ProfileError(file: file, field: "", reason: "cannot read the TOML document")
        }
        root = object
    }

    func error(_ field: String, _ reason: String) -> ProfileError {
        ProfileError(file: file, field: field, reason: reason)
    }
}

/// Reading one TOML table with field names in every error.
struct TOMLTableReader {
    let document: TOMLDocument
    let path: String
    let table: JSONObject

    func field(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// Every key of the table must be one of `known`: a typo is an error, not a default.
    func allowOnly(_ known: Set<String>) throws(ProfileError) {
        if let unknown = table.keys.first(where: { !known.contains($0) }) {
            throw document.error(
                field(unknown), "unknown field (expected one of \(known.sorted().joined(separator: ", ")))")
        }
    }

    func table(_ name: String, required: Bool = true) throws(ProfileError) -> TOMLTableReader? {
        guard let value = table[name] else {
            if required { throw document.error(field(name), "missing table") }
            return nil
        }
        guard let object = value.objectValue else { throw document.error(field(name), "must be a table") }
        return TOMLTableReader(document: document, path: field(name), table: object)
    }

    func tables(_ name: String) throws(ProfileError) -> [TOMLTableReader] {
        guard let value = table[name] else { throw document.error(field(name), "missing (at least one [[\(name)]])") }
        guard let array = value.arrayValue else { throw document.error(field(name), "must be an array of tables") }
        var readers: [TOMLTableReader] = []
        for (index, element) in array.enumerated() {
            guard let object = element.objectValue else {
                throw document.error("\(field(name))[\(index + 1)]", "must be a table")
            }
            readers.append(TOMLTableReader(document: document, path: "\(field(name))[\(index + 1)]", table: object))
        }
        return readers
    }

    func string(_ name: String, maxLength: Int? = nil) throws(ProfileError) -> String? {
        guard let value = table[name] else { return nil }
        guard let string = value.stringValue else { throw document.error(field(name), "must be a string") }
        if let maxLength, string.count > maxLength {
            throw document.error(
                field(name), "at most \(maxLength) characters (OCPP 1.6), '\(string)' has \(string.count)")
        }
        return string
    }

    func requiredString(_ name: String, maxLength: Int? = nil) throws(ProfileError) -> String {
        guard let string = try string(name, maxLength: maxLength) else { throw document.error(field(name), "missing") }
        guard !string.isEmpty else { throw document.error(field(name), "must not be empty") }
        return string
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws(ProfileError) -> Double? {
        guard let value = table[name] else { return nil }
        guard case .number(let number) = value else { throw document.error(field(name), "must be a number") }
        guard range.contains(number.doubleValue) else {
            throw document.error(field(name), "must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return number.doubleValue
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(ProfileError) -> Int? {
        guard let value = table[name] else { return nil }
        guard let integer = value.intValue else { throw document.error(field(name), "must be a whole number") }
        guard range.contains(integer) else {
            throw document.error(field(name), "must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return integer
    }

    func bool(_ name: String) throws(ProfileError) -> Bool? {
        guard let value = table[name] else { return nil }
        guard case .bool(let flag) = value else { throw document.error(field(name), "must be true or false") }
        return flag
    }

    func strings(_ name: String) throws(ProfileError) -> [String]? {
        guard let value = table[name] else { return nil }
        guard let array = value.arrayValue else { throw document.error(field(name), "must be an array of strings") }
        var strings: [String] = []
        for element in array {
            guard let string = element.stringValue else {
                throw document.error(field(name), "must be an array of strings")
            }
            strings.append(string)
        }
        return strings
    }

    func choice<T: RawRepresentable>(_ name: String, _ type: T.Type, allowed: [T]) throws(ProfileError) -> T?
    where T.RawValue == String {
        guard let string = try string(name) else { return nil }
        guard let value = T(rawValue: string) else {
            throw document.error(field(name), "must be one of \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
