import ChargePoint

/// Payloads made from an official schema rather than from the station's types: the
/// independent side of the codec tests.
///
/// - `maximal`: every property present, every string at its maximum length (in
///   multi-byte characters, so that length is counted as the schema counts it);
/// - `minimal`: only what is required;
/// - `enumVariants`: the maximal payload once per value of every enumeration;
/// - `mutations`: the maximal payload broken in one place each, with the CALLERROR code
///   and payload path the station must answer with (OCPP-J 1.6 §4.2.3).
struct SchemaInstances {
    struct Mutation: CustomStringConvertible {
        let what: String
        let payload: JSONValue
        let code: RPCErrorCode
        let path: String
        var description: String { "\(what) at \(path.isEmpty ? "<root>" : path) → \(code)" }
    }

    static let sampleDateTime = "2026-11-24T15:32:53.120Z"

    let root: JSONValue

    init(schema: JSONValue) {
        root = schema
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard let reference = schema["$ref"]?.stringValue else { return schema }
        return root["definitions"]?[String(reference.dropFirst("#/definitions/".count))] ?? schema
    }

    var maximal: JSONValue { instance(root, includeOptional: true) }
    var minimal: JSONValue { instance(root, includeOptional: false) }

    private func instance(_ reference: JSONValue, includeOptional: Bool) -> JSONValue {
        let schema = resolve(reference)
        if let values = schema["enum"]?.arrayValue { return values[0] }
        switch schema["type"]?.stringValue {
        case "object":
            let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            var object = JSONObject()
            for member in schema["properties"]?.objectValue ?? JSONObject()
            where includeOptional || required.contains(member.key) {
                object[member.key] = instance(member.value, includeOptional: includeOptional)
            }
            return .object(object)
        case "array":
            let element = instance(schema["items"] ?? [:], includeOptional: includeOptional)
            return includeOptional ? [element, element] : [element]
        case "string":
            if schema["format"]?.stringValue == "date-time" { return .string(Self.sampleDateTime) }
            if let limit = schema["maxLength"]?.intValue { return .string(String(repeating: "ä", count: limit)) }
            return "free text"
        case "integer": return 7
        case "number": return 2.5
        case "boolean": return true
        default: preconditionFailure("unsupported schema \(schema)")
        }
    }

    // MARK: Walking the maximal payload together with its schema

    /// One place in the maximal payload: where it is, its schema, and whether its parent
    /// requires it.
    struct Site {
        let path: [PathStep]
        let schema: JSONValue
        let isRequired: Bool
    }

    enum PathStep: Equatable {
        case member(String)
        case element(Int)
    }

    static func text(_ path: [PathStep]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .member(let name): text += text.isEmpty ? name : ".\(name)"
            case .element(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Every member and array element of the maximal payload (first array element only).
    var sites: [Site] {
        var result: [Site] = []
        collect(root, path: [], isRequired: true, into: &result)
        return result
    }

    private func collect(_ reference: JSONValue, path: [PathStep], isRequired: Bool, into result: inout [Site]) {
        let schema = resolve(reference)
        result.append(Site(path: path, schema: schema, isRequired: isRequired))
        switch schema["type"]?.stringValue {
        case "object":
            let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            for member in schema["properties"]?.objectValue ?? JSONObject() {
                collect(
                    member.value, path: path + [.member(member.key)], isRequired: required.contains(member.key),
                    into: &result)
            }
        case "array":
            collect(schema["items"] ?? [:], path: path + [.element(0)], isRequired: true, into: &result)
        default:
            break
        }
    }

    static func replacing(_ value: JSONValue, at path: ArraySlice<PathStep>, with replacement: JSONValue?) -> JSONValue
    {
        guard let step = path.first else { return replacement ?? value }
        switch (step, value) {
        case (.member(let name), .object(var object)):
            if path.count == 1 {
                object[name] = replacement
            } else if let child = object[name] {
                object[name] = replacing(child, at: path.dropFirst(), with: replacement)
            }
            return .object(object)
        case (.element(let index), .array(var array)):
            if path.count == 1, replacement == nil {
                array.remove(at: index)
            } else {
                array[index] = replacing(array[index], at: path.dropFirst(), with: replacement)
            }
            return .array(array)
        default:
            return value
        }
    }

    func enumVariants() -> [(String, JSONValue)] {
        let base = maximal
        var variants: [(String, JSONValue)] = []
        for site in sites {
            for value in site.schema["enum"]?.arrayValue ?? [] {
                variants.append(
                    ("\(Self.text(site.path)) = \(value)", Self.replacing(base, at: site.path[...], with: value)))
            }
        }
        return variants
    }

    func mutations() -> [Mutation] {
        let base = maximal
        var mutations: [Mutation] = []
        func add(_ what: String, _ site: Site, _ replacement: JSONValue?, _ code: RPCErrorCode, path: String? = nil) {
            mutations.append(
                Mutation(
                    what: what, payload: Self.replacing(base, at: site.path[...], with: replacement), code: code,
                    path: path ?? Self.text(site.path)))
        }
        for site in sites {
            let type = site.schema["type"]?.stringValue
            if site.path.isEmpty {
                mutations.append(
                    Mutation(what: "payload is an array", payload: [], code: .formationViolation, path: ""))
                mutations.append(
                    Mutation(what: "payload is a string", payload: "x", code: .formationViolation, path: ""))
            } else {
                if site.isRequired, case .member = site.path.last {
                    add("required member removed", site, nil, .occurenceConstraintViolation)
                }
                add("null", site, .null, .typeConstraintViolation)
                add("wrong type", site, Self.wrongTypeValue(for: type), .typeConstraintViolation)
                if type == "integer" {
                    add("decimal for an integer", site, 1.5, .typeConstraintViolation)
                    add(
                        "integer written as 1.0", site, .number(try! JSONParser.parse("1.0").numberValue!),
                        .typeConstraintViolation)
                }
            }
            if let limit = site.schema["maxLength"]?.intValue {
                add(
                    "one character too long", site, .string(String(repeating: "x", count: limit + 1)),
                    .propertyConstraintViolation)
            }
            if site.schema["enum"] != nil {
                add("value outside the enumeration", site, "NotAValue", .propertyConstraintViolation)
                if let first = site.schema["enum"]?.arrayValue?.first?.stringValue, first.lowercased() != first {
                    add(
                        "enumeration value in the wrong case", site, .string(first.lowercased()),
                        .propertyConstraintViolation)
                }
            }
            if site.schema["format"]?.stringValue == "date-time" {
                add("date-time without offset", site, "2026-11-24T15:32:53", .propertyConstraintViolation)
                add("not a date-time", site, "yesterday", .propertyConstraintViolation)
            }
            if site.schema["multipleOf"] != nil {
                add("two fractional digits", site, 2.55, .propertyConstraintViolation)
            }
            if site.schema["minItems"] != nil {
                add("empty array", site, [], .occurenceConstraintViolation)
            }
            if type == "object" {
                let member = PathStep.member("unexpectedMember")
                mutations.append(
                    Mutation(
                        what: "undefined member",
                        payload: Self.replacing(base, at: (site.path + [member])[...], with: 1),
                        code: .formationViolation, path: Self.text(site.path + [member])))
            }
        }
        return mutations
    }

    static func wrongTypeValue(for type: String?) -> JSONValue {
        switch type {
        case "string": 12
        case "integer", "number": "12"
        case "boolean": "true"
        case "object": [1]
        case "array": ["not": "an array"]
        default: [:]
        }
    }
}

extension JSONValue {
    var numberValue: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }
}
