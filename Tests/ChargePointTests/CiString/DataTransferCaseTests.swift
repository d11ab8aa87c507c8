import ChargePoint
import Testing

/// DataTransfer.req's vendorId is a CiString255Type and its messageId a CiString50Type
/// (OCPP 1.6 §6.15, §7.17, §7.18): the station decides UnknownVendorId and
/// UnknownMessageId (§4.3, §5.6) without regard to case.
@Suite("CiString: DataTransfer vendorId and messageId (OCPP 1.6 §6.15)")
struct DataTransferCaseTests {
    @Test(
        "§4.3, §6.15, §7.18: a known vendorId and messageId in any case are Accepted",
        arguments: [
            ("OCPP-CONSOLE", "ECHO"), ("Ocpp-Console", "echo"), ("testvendor", nil), ("TESTVENDOR", "eCHO"),
        ] as [(String, String?)])
    func knownVendor_anyCase_isAccepted(_ vendorId: String, _ messageId: String?) throws {
        var station = try StationHarness.booted()
        let request = DataTransferRequest(
            vendorId: CiString255(vendorId)!, messageId: messageId.map { CiString50($0)! }, data: "hi")
        #expect(station.csmsRequest(request) == DataTransferResponse(status: .accepted, data: "hi"))
    }

    @Test("§4.3: another messageId of a known vendor is UnknownMessageId; another vendor UnknownVendorId")
    func unknownMessageAndVendor_stillRefused() throws {
        var station = try StationHarness.booted()
        #expect(
            station.csmsRequest(DataTransferRequest(vendorId: "OCPP-CONSOLE", messageId: "ECHOES"))
                == DataTransferResponse(status: .unknownMessageId))
        #expect(
            station.csmsRequest(DataTransferRequest(vendorId: "com.example", messageId: "Echo"))
                == DataTransferResponse(status: .unknownVendorId))
    }
}
