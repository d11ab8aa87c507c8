/// Writes a parsed or built `JSONValue` as compact JSON text, members in their stored
/// order, with the same writer as everything the station sends (`JSONWriter`).
public enum JSONSerializer {
    public static func serialize(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.value(value)
        return writer.text
    }
}
