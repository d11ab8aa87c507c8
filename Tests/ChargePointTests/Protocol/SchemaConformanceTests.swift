import ChargePoint
import Testing

/// Every message type against its official schema, in both directions: payloads made
/// from the schema must decode and re-encode unchanged; payloads the types produce must
/// validate; every way of breaking a payload must be answered with the right code.
@Suite("Message types match the official OCPP 1.6 schemas")
struct SchemaConformanceTests {
    /// One side of one action: its schema and how to decode and encode it.
    struct Side: CustomTestStringConvertible, Sendable {
        let action: Action
        let isRequest: Bool
        var testDescription: String { "\(action.rawValue)\(isRequest ? "" : "Response")" }

        func schema() throws -> JSONValue {
            isRequest ? try OfficialSchemas.request(action) : try OfficialSchemas.response(action)
        }

        /// Decodes with the station's type and encodes the result again, as wire text.
        func roundTrip(_ payload: JSONValue) throws(PayloadViolation) -> String {
            func run<T: OCPPPayload>(_ type: T.Type) throws(PayloadViolation) -> String {
                try PayloadEncoder.encodeText(try PayloadDecoder.decode(type, from: payload))
            }
            return isRequest ? try run(action.requestType) : try run(action.responseType)
        }
    }

    static let sides: [Side] = Action.allCases.flatMap {
        [Side(action: $0, isRequest: true), Side(action: $0, isRequest: false)]
    }

    @Test func thereAre39ActionsEachWithBothSchemas() throws {
        #expect(Action.allCases.count == 39)
        for side in Self.sides {
            _ = try side.schema()
        }
    }

    @Test(arguments: sides)
    func schemaMadePayloadsRoundTripUnchanged(_ side: Side) throws {
        let schema = try side.schema()
        let instances = SchemaInstances(schema: schema)
        var payloads = [("maximal", instances.maximal), ("minimal", instances.minimal)]
        payloads += instances.enumVariants()
        for (name, payload) in payloads {
            #expect(SchemaValidator.validate(payload, against: schema).isEmpty, "generator: \(name)")
            do throws(PayloadViolation) {
                let text = try side.roundTrip(payload)
                // Byte for byte: members in schema order, nothing added or dropped.
                #expect(text == JSONSerializer.serialize(payload), "\(name)")
                guard let encoded = try? JSONParser.parse(text) else {
                    Issue.record("\(name): not JSON: \(text)")
                    continue
                }
                #expect(SchemaValidator.validate(encoded, against: schema) == [], "\(name)")
            } catch {
                Issue.record("\(name) was refused: \(error.code) \(error)")
            }
        }
    }

    @Test(arguments: sides)
    func everyBrokenPayloadGetsTheRightErrorCode(_ side: Side) throws {
        let mutations = SchemaInstances(schema: try side.schema()).mutations()
        #expect(!mutations.isEmpty)
        for mutation in mutations {
            do throws(PayloadViolation) {
                let accepted = try side.roundTrip(mutation.payload)
                Issue.record("accepted \(mutation): \(accepted)")
            } catch {
                #expect(error.code == mutation.code, "\(mutation): got \(error.code) \(error)")
                #expect(error.path == mutation.path, "\(mutation): got path \(error.path)")
            }
        }
    }
}
