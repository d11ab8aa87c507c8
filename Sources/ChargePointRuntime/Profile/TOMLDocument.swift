import Foundation
import TOMLKit
import ChargePoint

/// A TOML file as TOMLKit parses it, walked with `TOMLTableReader` so that every
/// mistake in a profile or a card list is an error naming the file and the field.
struct TOMLDocument {
    let file: String
    let root: TOMLTable

    init(contentsOf url: URL) throws(ProfileError) {
        switch TextFile.read(url.path) {
        case .success(let text): try self.init(text: text, file: url.path)
        case .failure(let problem): throw ProfileError(file: url.path, field: "", reason: "the file \(problem)")
        }
    }

    init(text: String, file: String) throws(ProfileError) {
        self.file = file
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ProfileError(
                file: file, field: "line \(error.source.begin.line)",
                reason: "not valid TOML: \(error.description)")
        } catch {
            throw ProfileError(file: file, field: "", reason: "not valid TOML: \(error)")
        }
    }

    func error(_ field: String, _ reason: String) -> ProfileError {
        ProfileError(file: file, field: field, reason: reason)
    }
}

/// Reading one TOML table with field names in every error.
struct TOMLTableReader {
    let document: TOMLDocument
    let path: String
    let table: TOMLTable

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
        guard let table = value.table else { throw document.error(field(name), "must be a table") }
        return TOMLTableReader(document: document, path: field(name), table: table)
    }

    func tables(_ name: String) throws(ProfileError) -> [TOMLTableReader] {
        guard let value = table[name] else { throw document.error(field(name), "missing (at least one [[\(name)]])") }
        guard let array = value.array else { throw document.error(field(name), "must be an array of tables") }
        var readers: [TOMLTableReader] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else {
                throw document.error("\(field(name))[\(index + 1)]", "must be a table")
            }
            readers.append(TOMLTableReader(document: document, path: "\(field(name))[\(index + 1)]", table: table))
        }
        return readers
    }

    func string(_ name: String, maxLength: Int? = nil) throws(ProfileError) -> String? {
        guard let value = table[name] else { return nil }
        guard let string = value.text else { throw document.error(field(name), "must be a string") }
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
        guard let number = value.double ?? value.int.map(Double.init) else {
            throw document.error(field(name), "must be a number")
        }
        guard range.contains(number) else {
            throw document.error(field(name), "must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(ProfileError) -> Int? {
        guard let value = table[name] else { return nil }
        guard let integer = value.int else { throw document.error(field(name), "must be a whole number") }
        guard range.contains(integer) else {
            throw document.error(field(name), "must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return integer
    }

    func bool(_ name: String) throws(ProfileError) -> Bool? {
        guard let value = table[name] else { return nil }
        guard let flag = value.bool else { throw document.error(field(name), "must be true or false") }
        return flag
    }

    func strings(_ name: String) throws(ProfileError) -> [String]? {
        guard let value = table[name] else { return nil }
        guard let array = value.array else { throw document.error(field(name), "must be an array of strings") }
        var strings: [String] = []
        for element in array {
            guard let string = element.text else {
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

extension TOMLValueConvertible {
    /// A string, or a date or time written as TOML writes it: profiles read dates as
    /// text and check them where they are used (an RFC 3339 expiry date, …).
    var text: String? {
        switch type {
        case .string: string
        case .date: date?.debugDescription
        case .time: time?.debugDescription
        case .dateTime:
            // TOMLKit writes a local date-time (one without an offset) with a "Z" it
            // does not have.
            dateTime.map { $0.offset == nil ? "\($0.date.debugDescription)T\($0.time.debugDescription)" : $0.debugDescription }
        default: nil
        }
    }
}
