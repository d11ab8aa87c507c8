import ChargePoint

/// X.509 for the OCPP 1.6 security extension: reading certificates (M03–M05), their
/// CertificateHashData (§6.1), and verifying chains (A00.FR.307/.412, A02.FR.06, L01.FR.12).
/// Every answer is a value; nothing here throws into the engine.
public enum X509Toolkit {
    /// Every certificate in a PEM text (a chain may hold several), in order.
    public static func certificates(pem: String) -> Result<[CertificateSummary], CertificateProblem> {
        PEMCertificate.all(in: pem).flatMap { certificates in
            Result { () throws(CertificateProblem) in
                var summaries: [CertificateSummary] = []
                for certificate in certificates { summaries.append(try CertificateSummary(certificate)) }
                return summaries
            }
        }
    }
}
