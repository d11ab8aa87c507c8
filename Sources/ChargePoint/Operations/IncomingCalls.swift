/// The central system's CALLs: decoded, checked against the station's feature profiles
/// and handed to the operation the `OperationRegistry` names, whose response goes back
/// at once.
///
/// - An action OCPP 1.6 does not define: NotImplemented (OCPP-J 1.6 §4.2.3).
/// - An action only a charge point sends (BootNotification, …): NotImplemented, as the
///   station has no implementation of receiving it.
/// - An action of a feature profile the station does not support: NotSupported, as in
///   the OCPP-J errata's own example (`[4,"…","NotSupported","SendLocalList.req not
///   implemented",{}]`).
/// - While the boot is Rejected: no answer at all (OCPP 1.6 §4.2).
/// - A message id already used on this connection: SecurityError, not carried out
///   again (`ReplayedCalls.swift`).
extension StationCore {
    mutating func receiveCall(_ call: Frame.Call) {
        if case .rejected = registration.state {
            reportError("ignored \(call.action): the central system rejected the boot, so the station stays silent")
            return
        }
        if refusedAsReplay(call) { return }
        let request: any OCPPRequest
        switch call.decodeRequest() {
        case .success(let decoded):
            request = decoded
        case .failure(let error):
            reportError("\(call.action) from the central system refused: \(error.code) \(error.description)")
            reply(.callError(error), to: call.action)
            return
        }
        let action = type(of: request).action
        if action.initiator == .chargePoint {
            refuse(call, .notImplemented, "a charge point does not accept \(action).req")
            return
        }
        guard profile.supports(action.featureProfile) else {
            refuse(
                call, .notSupported,
                "\(action).req belongs to the \(action.featureProfile.rawValue) feature profile, which this station does not support"
            )
            return
        }
        guard let handler = OperationRegistry.entry(action).handler else {
            refuse(call, .notImplemented, "\(action).req is not implemented by this station")
            return
        }
        handler(&self, call, request)
    }

    mutating func respond<R: OCPPResponse>(_ call: Frame.Call, _ response: R) {
        do {
            reply(try Frame.result(call.messageId, response), to: call.action)
        } catch {
            refuse(call, .internalError, "cannot encode the response: \(error)")
        }
    }

    mutating func refuse(_ call: Frame.Call, _ code: RPCErrorCode, _ description: String) {
        reply(
            .callError(Frame.CallError(messageId: call.messageId, code: code, description: description)),
            to: call.action)
    }
}
