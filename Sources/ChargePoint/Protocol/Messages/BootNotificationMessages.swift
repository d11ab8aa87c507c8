/// BootNotification (OCPP 1.6 §4.2; messages §6.3 and §6.4).

/// The BootNotification.req payload.
public struct BootNotificationRequest: OCPPRequest {
    public var chargePointVendor: CiString20
    public var chargePointModel: CiString20
    public var chargePointSerialNumber: CiString25?
    public var chargeBoxSerialNumber: CiString25?
    public var firmwareVersion: CiString50?
    public var iccid: CiString20?
    public var imsi: CiString20?
    public var meterType: CiString25?
    public var meterSerialNumber: CiString25?

    public init(
        chargePointVendor: CiString20, chargePointModel: CiString20, chargePointSerialNumber: CiString25? = nil,
        chargeBoxSerialNumber: CiString25? = nil, firmwareVersion: CiString50? = nil, iccid: CiString20? = nil,
        imsi: CiString20? = nil, meterType: CiString25? = nil, meterSerialNumber: CiString25? = nil
    ) {
        self.chargePointVendor = chargePointVendor
        self.chargePointModel = chargePointModel
        self.chargePointSerialNumber = chargePointSerialNumber
        self.chargeBoxSerialNumber = chargeBoxSerialNumber
        self.firmwareVersion = firmwareVersion
        self.iccid = iccid
        self.imsi = imsi
        self.meterType = meterType
        self.meterSerialNumber = meterSerialNumber
    }
}

extension BootNotificationRequest {
    public typealias Response = BootNotificationResponse
    public static let action = Action.bootNotification
}

/// The BootNotification.conf payload.
public struct BootNotificationResponse: OCPPResponse {
    public var status: RegistrationStatus
    public var currentTime: Timestamp
    public var interval: Int

    public init(status: RegistrationStatus, currentTime: Timestamp, interval: Int) {
        self.status = status
        self.currentTime = currentTime
        self.interval = interval
    }
}

/// OCPP 1.6 §7.38: the answer to BootNotification.
public enum RegistrationStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case pending = "Pending"
    case rejected = "Rejected"
}
