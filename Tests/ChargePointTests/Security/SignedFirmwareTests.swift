import ChargePoint
import Testing

@testable import ChargePoint

/// SignedUpdateFirmware (security whitepaper L01) with the harness's fake toolkit and
/// file server: the certificate check, the statuses with the requestId, the signature.
@Suite("Signed firmware update (whitepaper L01)")
struct SignedFirmwareTests {
    typealias Fake = FakeCertificateToolkit

    static func request(signer: String = "Signer", issuer: String = "Maker") -> SignedUpdateFirmwareRequest {
        SignedUpdateFirmwareRequest(
            retries: 0, requestId: 77,
            firmware: Firmware(
                location: "https://files.example/fw-5.bin", retrieveDateTime: StationHarness.start,
                signingCertificate: BoundedString(truncating: Fake.pem(signer, issuer: issuer, ca: false)),
                signature: "c2lnbmF0dXJl"))
    }

    static func station() throws -> StationHarness {
        var station = try CertificateStoreTests.station(["SupportedFileTransferProtocols": "FTP,HTTP,HTTPS"])
        _ = CertificateStoreTests.install(&station, Fake.pem("Maker"), .manufacturerRootCertificate)
        return station
    }

    static func statuses(_ station: StationHarness) -> [String] {
        station.sentRequests(SignedFirmwareStatusNotificationRequest.self).map {
            "\($0.status.rawValue) \($0.requestId.map(String.init) ?? "-")"
        }
    }

    @Test("L01.FR.02–03: a signing certificate from no installed manufacturer root is InvalidCertificate")
    func untrustedSigner_isInvalidCertificate() throws {
        var station = try Self.station()
        #expect(station.csmsRequest(Self.request(issuer: "Rogue"))?.status == .invalidCertificate)
        #expect(station.runningTransfers.isEmpty)
        #expect(station.store.securityLog.contains { $0.kind == .invalidFirmwareSigningCertificate })
    }

    @Test(
        "L01: Downloading, Downloaded, SignatureVerified, Installing, InstallRebooting, then Installed, with the requestId"
    )
    func goodSignature_installs() throws {
        var station = try Self.station()
        #expect(station.csmsRequest(Self.request())?.status == .accepted)
        let job = try FirmwareUpdateTests.running(station)
        #expect(job.signature?.signature == "c2lnbmF0dXJl")
        station.reportTransfer(.downloaded(id: job.id, FirmwareImage(version: "5.0", signatureValid: true)))
        station.advance(seconds: 60)
        #expect(
            Self.statuses(station) == [
                "Downloading 77", "Downloaded 77", "SignatureVerified 77", "Installing 77", "InstallRebooting 77",
                "Installed 77",
            ])
        #expect(station.sentRequests(FirmwareStatusNotificationRequest.self).isEmpty)
        #expect(station.store.firmwareVersion == "5.0")
    }

    /// L01.FR.01, .15: an image that does not install ends in InstallationFailed after
    /// Installing, one whose installation does not verify (installation=verification-failed)
    /// in InstallVerificationFailed; neither sends InstallRebooting nor reboots.
    @Test(
        "L01.FR.01, .15: a failed install or verification: its status after Installing, no InstallRebooting, no reboot",
        arguments: [(false, "InstallationFailed 77"), (true, "InstallVerificationFailed 77")])
    func failedInstall_sendsNoInstallRebooting(_ verificationFails: Bool, _ last: String) throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request())
        let job = try FirmwareUpdateTests.running(station)
        let image = FirmwareImage(
            version: "5.0", installs: false, verificationFails: verificationFails, signatureValid: true)
        station.reportTransfer(.downloaded(id: job.id, image))
        station.advance(seconds: 60)
        #expect(Self.statuses(station) == ["Downloading 77", "Downloaded 77", "SignatureVerified 77", "Installing 77", last])
        #expect(station.store.firmwareVersion == nil)
        #expect(!station.notices.contains { $0.hasPrefix("rebooting") }, "\(station.notices)")
    }

    @Test("L01.FR.04–05: a signature that does not hold: InvalidSignature, a security event, no install")
    func badSignature_isNotInstalled() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request())
        let job = try FirmwareUpdateTests.running(station)
        station.reportTransfer(.downloaded(id: job.id, FirmwareImage(version: "5.0", signatureValid: false)))
        station.advance(seconds: 60)
        #expect(Self.statuses(station) == ["Downloading 77", "Downloaded 77", "InvalidSignature 77"])
        #expect(station.store.firmwareVersion == nil)
        #expect(station.store.securityLog.contains { $0.kind == .invalidFirmwareSignature })
    }

    @Test("L01: a signed update during another is AcceptedCanceled")
    func replacing_isAcceptedCanceled() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request())
        #expect(station.csmsRequest(Self.request())?.status == .acceptedCanceled)
    }

    @Test("L01.FR.13: a later retrieveDateTime is DownloadScheduled; a trigger repeats the last status sent")
    func scheduled_andTriggered() throws {
        var station = try Self.station()
        var request = Self.request()
        request.firmware.retrieveDateTime = StationHarness.start.adding(seconds: 3600)
        _ = station.csmsRequest(request)
        _ = station.csmsRequest(ExtendedTriggerMessageRequest(requestedMessage: .firmwareStatusNotification))
        #expect(Self.statuses(station) == ["DownloadScheduled 77", "DownloadScheduled 77"])
    }

    @Test("L01.FR.02: an expired signer is InvalidCertificate, and the event says why")
    func expiredSigner_saysExpired() throws {
        var station = try Self.station()
        var request = Self.request()
        request.firmware.signingCertificate = BoundedString(
            truncating: Fake.pem("Signer", issuer: "Maker", ca: false, until: "2020-01-01T00:00:00Z"))
        #expect(station.csmsRequest(request)?.status == .invalidCertificate)
        let event = station.store.securityLog.last { $0.kind == .invalidFirmwareSigningCertificate }
        #expect(event?.info == "the signing certificate: expired")
    }
}
