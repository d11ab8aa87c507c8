/// OCPP 1.6 §7.39.
public enum RemoteStartStopStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
}
