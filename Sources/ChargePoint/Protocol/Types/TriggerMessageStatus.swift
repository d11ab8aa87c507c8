/// OCPP 1.6 §7.44 (and security whitepaper §6.17, the same values).
public enum TriggerMessageStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
    case notImplemented = "NotImplemented"
}
