import ChargePoint

/// The answer to `certs` on the screen: each root of the store (security whitepaper M05)
/// with its use, subject, issuer, validity and SHA-256 fingerprint, the fallback root
/// marked (M05.FR.11), then the charge point certificate in use (A02). The box grows to
/// show every value whole as far as the screen allows; a value still too long is cut
/// with an ellipsis. It scrolls like the help.
extension Overlays {
    func drawCertificates(
        _ report: CertificateReport, scroll: Int, now: Timestamp, in area: Rect, into surface: inout Surface
    ) -> ScrollExtent {
        let content = CertificateLines(report: report, now: now, ellipsis: glyphs.ellipsis)
        // Wide enough for every value whole where the screen allows (borders and the
        // margin `drawText` leaves: 3 columns), else cut to the screen.
        let longest = content.lines(width: .max).map { $0.reduce(0) { $0 + $1.0.count } }.max() ?? 0
        let width = min(area.width, max(84, longest + 3))
        let lines = content.lines(width: width - 3)
        let rect = Self.centered(in: area, height: lines.count + 2, width: width)
        let count = report.roots.count + (report.ownCertificate == nil ? 0 : 1)
        return drawText(
            lines, title: "Certificates (\(count)) · ↑↓ scroll · any other key closes", scroll: scroll, rect,
            into: &surface)
    }
}

/// The lines of the certificates overlay, fitted to a width.
struct CertificateLines {
    let report: CertificateReport
    let now: Timestamp
    let ellipsis: Character

    /// Labels of the detail lines, padded to one column.
    private static let labelWidth = 11

    func lines(width: Int) -> [[(String, Role)]] {
        guard !report.isEmpty else {
            return [[("No certificate installed (no root, no charge point certificate).", .dim)]]
        }
        var lines: [[(String, Role)]] = []
        for root in report.roots {
            var heading: [(String, Role)] = [(root.use.rawValue, .title)]
            if root.fallback { heading.append(("  kept as fallback (M05.FR.11)", .warning)) }
            lines.append(heading)
            lines.append(detail("subject", root.subject, width))
            lines.append(detail("issuer", root.issuer, width))
            lines.append(validity(root.notBefore, root.notAfter, width))
            lines.append(detail("SHA-256", root.fingerprint, width))
            lines.append([])
        }
        if let own = report.ownCertificate {
            let origin = own.provisioned ? "  given with --client-cert" : "  the station's own (A02), without its key"
            lines.append([("ChargePointCertificate", .title), (origin, .dim)])
            lines.append(detail("subject", own.subject, width))
            lines.append(validity(own.notBefore, own.notAfter, width))
        } else {
            lines.removeLast()
        }
        return lines
    }

    /// "  subject    CN=…", the value cut to the width.
    private func detail(_ label: String, _ value: String, _ width: Int) -> [(String, Role)] {
        let indent = "  " + Format.fit(label, Self.labelWidth - 2)
        let room = width - indent.count
        let shown = value.count > room ? Format.fit(value, room, ellipsis: ellipsis) : value
        return [(indent, .dim), (shown, .normal)]
    }

    /// "  valid      2025-01-01T00:00:00Z to 2030-01-01T00:00:00Z", and whether it is so now.
    private func validity(_ notBefore: Timestamp?, _ notAfter: Timestamp, _ width: Int) -> [(String, Role)] {
        let period = (notBefore.map { Format.instant($0) + " to " } ?? "until ") + Format.instant(notAfter)
        var line = detail("valid", period, width)
        if notAfter < now {
            line.append(("  expired", .error))
        } else if let notBefore, now < notBefore {
            line.append(("  not yet valid", .warning))
        }
        return line
    }
}
