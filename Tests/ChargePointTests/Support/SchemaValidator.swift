import ChargePoint

/// A validator for the subset of JSON Schema (draft-04 and draft-06) that the OCPP 1.6
/// schema files use: type, properties, required, additionalProperties, enum, maxLength,
/// minItems, items, format date-time and local `$ref`s.
///
/// Independent of the station's own codec on purpose: it reads the official files, so a
/// mistake in a message type cannot hide behind the same mistake in its check. A keyword
/// it does not know makes validation fail loudly rather than pass silently.
struct SchemaValidator {
    struct Violation: CustomStringConvertible, Equatable {
        let keyword: String
        let path: String
        let message: String
        var description: String { "\(path.isEmpty ? "<root>" : path): \(keyword): \(message)" }
    }

    /// Keywords that do not constrain an instance. `additionalItems` belongs here too: it
    /// only applies when `items` is a list of schemas, and in these files it never is.
    static let annotationKeywords: Set<String> = [
        "$schema", "$id", "title", "description", "definitions", "javaType", "additionalItems",
    ]

    let root: JSONValue

    static func validate(_ instance: JSONValue, against schema: JSONValue) -> [Violation] {
        var violations: [Violation] = []
        SchemaValidator(root: schema).check(instance, schema, "", &violations)
        return violations
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard let reference = schema["$ref"]?.stringValue else { return schema }
        precondition(reference.hasPrefix("#/definitions/"), "unsupported $ref \(reference)")
        let name = String(reference.dropFirst("#/definitions/".count))
        guard let target = root["definitions"]?[name] else { preconditionFailure("missing definition \(name)") }
        return target
    }

    private func check(_ instance: JSONValue, _ schemaReference: JSONValue, _ path: String, _ out: inout [Violation]) {
        let schema = resolve(schemaReference)
        guard let keywords = schema.objectValue else { return }
        if let expected = keywords["type"]?.stringValue, !Self.matches(instance, type: expected) {
            out.append(
                Violation(keyword: "type", path: path, message: "expected \(expected), found \(instance.typeName)"))
            return
        }
        checkObject(instance, schema, path, &out)
        for member in keywords {
            switch member.key {
            case "type", "properties", "additionalProperties", "required":
                continue
            case "enum":
                let allowed = member.value.arrayValue ?? []
                if !allowed.contains(instance) {
                    out.append(Violation(keyword: "enum", path: path, message: "\(instance) not allowed"))
                }
            case "maxLength":
                if let string = instance.stringValue, let limit = member.value.intValue,
                    string.unicodeScalars.count > limit
                {
                    out.append(Violation(keyword: "maxLength", path: path, message: "longer than \(limit)"))
                }
            case "minItems":
                if let array = instance.arrayValue, let limit = member.value.intValue, array.count < limit {
                    out.append(Violation(keyword: "minItems", path: path, message: "fewer than \(limit) items"))
                }
            case "items":
                for (index, element) in (instance.arrayValue ?? []).enumerated() {
                    check(element, member.value, "\(path)[\(index)]", &out)
                }
            case "multipleOf":
                // The schemas only use 0.1, and mean it in decimal (as the `ocpp` package
                // does by reading these payloads with Decimal): at most one fractional digit.
                precondition(member.value == .number(JSONNumber(0.1)!), "only multipleOf 0.1 is supported")
                if case .number(let number) = instance, Self.fractionalDigits(number.literal) > 1 {
                    out.append(
                        Violation(keyword: "multipleOf", path: path, message: "\(number) is not a multiple of 0.1"))
                }
            case "format":
                if member.value.stringValue == "date-time", let string = instance.stringValue,
                    !Self.isDateTime(string)
                {
                    out.append(Violation(keyword: "format", path: path, message: "'\(string)' is not a date-time"))
                }
            case let keyword where Self.annotationKeywords.contains(keyword):
                continue
            default:
                preconditionFailure("schema keyword '\(member.key)' is not supported by the test validator")
            }
        }
    }

    /// properties, required and additionalProperties, which only make sense together.
    private func checkObject(_ instance: JSONValue, _ schema: JSONValue, _ path: String, _ out: inout [Violation]) {
        guard let object = instance.objectValue else { return }
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        for required in schema["required"]?.arrayValue ?? [] {
            if let name = required.stringValue, object[name] == nil {
                out.append(Violation(keyword: "required", path: Self.join(path, name), message: "missing"))
            }
        }
        for member in object {
            if let propertySchema = properties[member.key] {
                check(member.value, propertySchema, Self.join(path, member.key), &out)
            } else if schema["additionalProperties"] == .bool(false) {
                out.append(
                    Violation(
                        keyword: "additionalProperties", path: Self.join(path, member.key), message: "not allowed"))
            }
        }
    }

    static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// Draft-04 semantics for "integer": a literal with neither fraction nor exponent.
    static func matches(_ instance: JSONValue, type: String) -> Bool {
        switch (type, instance) {
        case ("string", .string), ("boolean", .bool), ("object", .object), ("array", .array), ("null", .null): true
        case ("number", .number): true
        case ("integer", .number(let number)): number.isInteger
        default: false
        }
    }

    /// How many fractional digits a decimal literal has once trailing zeros are dropped.
    static func fractionalDigits(_ literal: String) -> Int {
        let parts = literal.lowercased().split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1)
        var fraction = mantissa.count > 1 ? String(mantissa[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return max(0, fraction.count - exponent)
    }

    /// RFC 3339 §5.6 date-time, as the `format: date-time` of JSON Schema means it.
    static func isDateTime(_ text: String) -> Bool {
        text.wholeMatch(
            of: /[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})/)
            != nil
    }
}
