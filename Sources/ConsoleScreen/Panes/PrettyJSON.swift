import ChargePoint

/// A frame as indented JSON lines for the frame overlay; text that is not JSON comes
/// back as it is.
enum PrettyJSON {
    static func lines(_ raw: String, indent: Int = 2) -> [String] {
        guard let value = try? JSONParser.parse(raw) else { return [raw] }
        var lines: [String] = []
        write(value, prefix: "", depth: 0, indent: indent, trailing: "", into: &lines)
        return lines
    }

    private static func write(
        _ value: JSONValue, prefix: String, depth: Int, indent: Int, trailing: String, into lines: inout [String]
    ) {
        let pad = String(repeating: " ", count: depth * indent)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            // A frame's outer array stays on one line per element.
            lines.append(pad + prefix + "[")
            for (index, element) in elements.enumerated() {
                write(
                    element, prefix: "", depth: depth + 1, indent: indent,
                    trailing: index == elements.count - 1 ? "" : ",", into: &lines)
            }
            lines.append(pad + "]" + trailing)
        case .object(let object) where !object.isEmpty:
            lines.append(pad + prefix + "{")
            for (index, member) in object.members.enumerated() {
                write(
                    member.value, prefix: JSONSerializer.serialize(.string(member.key)) + ": ", depth: depth + 1,
                    indent: indent, trailing: index == object.count - 1 ? "" : ",", into: &lines)
            }
            lines.append(pad + "}" + trailing)
        default:
            lines.append(pad + prefix + JSONSerializer.serialize(value) + trailing)
        }
    }
}
