/// One line of the operator command language, understood (`CommandParser`): something
/// for the station core, something the session does itself, or a CALL for the embedded
/// demo central system to send (`csms …`).
public enum OperatorCommand: Sendable, Equatable {
    case station(StationCommand)
    case session(SessionCommand)
    case centralSystem(CentralSystemCommand)
}
