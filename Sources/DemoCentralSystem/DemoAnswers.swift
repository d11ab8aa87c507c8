import ChargePoint

/// How the demo central system answers the station's own CALLs (OCPP 1.6 chapter 4 and
/// the security extension's notifications), as a real CSMS would: boots accepted,
/// idTags from the demo cards, increasing transaction ids, everything remembered.
extension DemoCentralSystem {
    mutating func answer(_ id: String, _ request: any OCPPRequest, station: String, at now: Timestamp)
        -> [DemoOutput]
    {
        func result<R: OCPPResponse>(_ response: R) -> [DemoOutput] {
            (try? Frame.result(id, response).text).map { [.send($0)] } ?? []
        }
        switch request {
        case is BootNotificationRequest:
            return result(BootNotificationResponse(status: .accepted, currentTime: now, interval: heartbeatInterval))
        case is HeartbeatRequest:
            return result(HeartbeatResponse(currentTime: now))
        case let request as StatusNotificationRequest:
            records.saw(connector: request.connectorId, of: station)
            return result(StatusNotificationResponse())
        case let request as AuthorizeRequest:
            return result(AuthorizeResponse(idTagInfo: idTagInfo(request.idTag.value, station: station)))
        case let request as StartTransactionRequest:
            let info = idTagInfo(request.idTag.value, station: station)
            let transactionId = records.started(request, station: station, accepted: info.status == .accepted)
            return result(StartTransactionResponse(idTagInfo: info, transactionId: transactionId))
        case let request as StopTransactionRequest:
            records.stopped(request, station: station)
            return result(
                StopTransactionResponse(idTagInfo: request.idTag.map { idTagInfo($0.value, station: station) }))
        case let request as MeterValuesRequest:
            records.metered(request, station: station)
            return result(MeterValuesResponse())
        case is DataTransferRequest:
            return result(DataTransferResponse(status: .unknownVendorId))
        case is DiagnosticsStatusNotificationRequest:
            return result(DiagnosticsStatusNotificationResponse())
        case is FirmwareStatusNotificationRequest:
            return result(FirmwareStatusNotificationResponse())
        case is SecurityEventNotificationRequest:
            return result(SecurityEventNotificationResponse())
        case is LogStatusNotificationRequest:
            return result(LogStatusNotificationResponse())
        case is SignedFirmwareStatusNotificationRequest:
            return result(SignedFirmwareStatusNotificationResponse())
        case is SignCertificateRequest:
            return result(SignCertificateResponse(status: .accepted))
        default:
            let action = type(of: request).action
            let error = Frame.CallError(
                messageId: id, code: .notSupported, description: "a central system does not accept \(action).req")
            return [
                .error("\(station) sent \(action).req, which only a central system sends"),
                .send(Frame.callError(error).text),
            ]
        }
    }
}
