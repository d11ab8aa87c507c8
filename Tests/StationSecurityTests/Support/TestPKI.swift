import X509

/// The certificates most tests share, made once: a CPO root, an intermediate CA under it,
/// and a central-system certificate under that for localhost and 127.0.0.1; another root
/// that issued none of them.
struct TestPKI: Sendable {
    let root: TestCertificate
    let intermediate: TestCertificate
    let server: TestCertificate
    let otherRoot: TestCertificate

    static let shared = try! TestPKI()

    private init() throws {
        root = try TestCertificate.root(TestCertificate.name("Test CPO Root CA"))
        intermediate = try root.issue(TestCertificate.name("Test CPO Sub-CA"), isCA: true)
        server = try intermediate.issue(TestCertificate.name("localhost"), names: [.localhost, .loopback])
        otherRoot = try TestCertificate.root(TestCertificate.name(organization: "Elsewhere", "Other Root CA"))
    }
}
