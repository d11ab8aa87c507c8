/// What a piece of text is, not how it looks: each theme maps roles to colours and
/// attributes (htop's ColorElements), so a pane never names a colour.
public enum Role: Int, CaseIterable, Sendable {
    case normal, dim, title, border, key, accent
    case available, preparing, charging, suspended, finishing, unavailable, faulted
    case outgoing, incoming, callError
    case selection, error, notice, warning, input, spark
}
