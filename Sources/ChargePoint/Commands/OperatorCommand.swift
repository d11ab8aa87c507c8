/// One line of the operator command language, understood (`CommandParser`): either
/// something for the station core or something the session does itself.
public enum OperatorCommand: Sendable, Equatable {
    case station(StationCommand)
    case session(SessionCommand)
}
