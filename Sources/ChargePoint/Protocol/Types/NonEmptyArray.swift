/// An array with at least one element: the `minItems: 1` of the schemas (MeterValues'
/// meterValue and sampledValue, GetInstalledCertificateIds' certificateHashData) and
/// the 1..* cardinality of OCPP 1.6 §7.33.
///
/// An empty array in a payload is an occurrence violation (OCPP-J 1.6 §4.2.3); the type
/// makes it impossible to build one for sending.
public struct NonEmptyArray<Element>: RandomAccessCollection, MutableCollection {
    public private(set) var elements: [Element]

    public init?(_ elements: [Element]) {
        guard !elements.isEmpty else { return nil }
        self.elements = elements
    }

    public init(_ first: Element, _ rest: Element...) {
        elements = [first] + rest
    }

    public var first: Element { elements[0] }
    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> Element {
        get { elements[position] }
        set { elements[position] = newValue }
    }

    public mutating func append(_ element: Element) {
        elements.append(element)
    }
}

extension NonEmptyArray: Sendable where Element: Sendable {}
extension NonEmptyArray: Equatable where Element: Equatable {}
extension NonEmptyArray: Hashable where Element: Hashable {}

extension NonEmptyArray: Codable where Element: Codable {
    public init(from decoder: any Decoder) throws {
        let elements = try [Element](from: decoder)
        guard !elements.isEmpty else {
            throw ValueConstraintError(.occurenceConstraintViolation, "at least one element is required")
        }
        self.elements = elements
    }

    public func encode(to encoder: any Encoder) throws {
        try elements.encode(to: encoder)
    }
}
