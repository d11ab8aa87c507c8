import ChargePointRuntime
import Foundation

/// The charge point identities of a fleet (issue 15): `--fleet N` numbers the `--id`
/// prefix from 1 (`CP-0001` … `CP-0200`, zero-padded to four digits or as many as N
/// has), `--ids FILE` lists them one per line; `--shard K/M` then takes the K-th of M
/// contiguous slices, so that M machines with the same command line and their own K
/// drive disjoint stations.
enum FleetIdentities {
    struct Problem: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    /// `<prefix>-0001` … `<prefix>-<count>`.
    static func numbered(prefix: String, count: Int) -> [String] {
        let width = max(4, String(count).count)
        return (1...max(1, count)).map { number in
            let digits = String(number)
            return prefix + "-" + String(repeating: "0", count: width - digits.count) + digits
        }
    }

    /// The identities of an `--ids` file: one per line, surrounding blanks trimmed; blank
    /// lines and `#` comments skipped. A file with none, or with one twice, is refused
    /// (two stations on one identity would fight over one central-system session).
    /// Each must be an identity (`ChargePointIdentity`; no `:` with HTTP Basic, `basicAuth`).
    static func parse(_ text: String, file: String, basicAuth: Bool = false) throws(Problem) -> [String] {
        var identities: [String] = []
        var seen = Set<String>()
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let problem = check(line, basicAuth: basicAuth) {
                throw Problem(description: "\(file):\(index + 1): the identity \(problem)")
            }
            guard seen.insert(line).inserted else {
                throw Problem(description: "\(file):\(index + 1): the identity '\(line)' is listed twice")
            }
            identities.append(line)
        }
        guard !identities.isEmpty else { throw Problem(description: "\(file) lists no identity") }
        return identities
    }

    static func load(_ path: String, basicAuth: Bool) throws(Problem) -> [String] {
        switch TextFile.read(path) {
        case .success(let text): return try parse(text, file: path, basicAuth: basicAuth)
        case .failure(let problem): throw Problem(description: "the --ids file '\(path)' \(problem)")
        }
    }

    /// Why `identity` cannot name a station of the fleet, shown whole where it can be.
    static func check(_ identity: String, basicAuth: Bool) -> String? {
        if let problem = ChargePointIdentity.problem(identity) { return problem }
        if basicAuth, let problem = ChargePointIdentity.basicAuthProblem(identity) { return "'\(identity)' \(problem)" }
        return nil
    }

    /// The K-th of M contiguous slices (slice sizes differ by one at most, the larger
    /// ones last).
    static func shard(_ identities: [String], _ spec: ShardSpec) -> [String] {
        let lower = identities.count * (spec.index - 1) / spec.count
        let upper = identities.count * spec.index / spec.count
        return Array(identities[lower..<upper])
    }
}

/// `--shard K/M`: this process drives the K-th (1…M) of M slices of the identities.
struct ShardSpec: Sendable, Equatable {
    let index: Int
    let count: Int

    init(parsing text: String) throws(FleetIdentities.Problem) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else {
            throw FleetIdentities.Problem(description: "--shard takes K/M with 1 ≤ K ≤ M (got '\(text)')")
        }
        (self.index, self.count) = (index, count)
    }
}
