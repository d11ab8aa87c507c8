/// The central system's CALLs: decoded, checked against the station's feature profiles
/// and handed to the operation of the same name, whose response goes back at once.
///
/// - An action OCPP 1.6 does not define: NotImplemented (OCPP-J 1.6 §4.2.3).
/// - An action only a charge point sends (BootNotification, …): NotImplemented, as the
///   station has no implementation of receiving it.
/// - An action of a feature profile the station does not support: NotSupported, as in
///   the OCPP-J errata's own example (`[4,"…","NotSupported","SendLocalList.req not
///   implemented",{}]`).
/// - While the boot is Rejected: no answer at all (OCPP 1.6 §4.2).
extension StationCore {
    mutating func receiveCall(_ call: Frame.Call) {
        if case .rejected = registration {
            reportError("ignored \(call.action): the central system rejected the boot, so the station stays silent")
            return
        }
        let request: any OCPPRequest
        switch call.decodeRequest() {
        case .success(let decoded):
            request = decoded
        case .failure(let error):
            reportError("\(call.action) from the central system refused: \(error.code) \(error.description)")
            reply(.callError(error))
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
        switch request {
        case let request as ChangeAvailabilityRequest: respond(call, changeAvailability(request))
        case let request as ChangeConfigurationRequest: respond(call, changeConfiguration(request))
        case let request as ClearCacheRequest: respond(call, clearCache(request))
        case let request as DataTransferRequest: respond(call, dataTransfer(request))
        case let request as GetConfigurationRequest: respond(call, getConfiguration(request))
        case let request as RemoteStartTransactionRequest: respond(call, remoteStartTransaction(request))
        case let request as RemoteStopTransactionRequest: respond(call, remoteStopTransaction(request))
        case let request as ResetRequest: respond(call, reset(request))
        case let request as UnlockConnectorRequest: respond(call, unlockConnector(request))
        case let request as TriggerMessageRequest: respond(call, triggerMessage(request))
        case let request as GetLocalListVersionRequest: respond(call, getLocalListVersion(request))
        case let request as SendLocalListRequest: respond(call, sendLocalList(request))
        case let request as ReserveNowRequest: respond(call, reserveNow(request))
        case let request as CancelReservationRequest: respond(call, cancelReservation(request))
        case let request as SetChargingProfileRequest: respond(call, setChargingProfile(request))
        case let request as ClearChargingProfileRequest: respond(call, clearChargingProfile(request))
        case let request as GetCompositeScheduleRequest: respond(call, getCompositeSchedule(request))
        default:
            refuse(call, .notImplemented, "\(action).req is not implemented by this station")
        }
    }

    mutating func respond<R: OCPPResponse>(_ call: Frame.Call, _ response: R) {
        do {
            reply(try Frame.result(call.messageId, response))
        } catch {
            refuse(call, .internalError, "cannot encode the response: \(error)")
        }
    }

    mutating func refuse(_ call: Frame.Call, _ code: RPCErrorCode, _ description: String) {
        reply(.callError(Frame.CallError(messageId: call.messageId, code: code, description: description)))
    }
}
