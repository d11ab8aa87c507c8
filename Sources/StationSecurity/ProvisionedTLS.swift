import X509

/// The PEM files an operator provisions the link's TLS with (security whitepaper §2):
/// `--ca-file` and `--client-cert` with `--client-key`. Read once at start, so that a
/// file OpenSSL would refuse later — or prompt for a passphrase on the terminal — is a
/// one-line error before the station runs.
public enum ProvisionedTLS {
    /// The certificates of a CA file, each as PEM; or why it holds none.
    public static func roots(caFileText: String) -> Result<[String], CertificateProblem> {
        PEMCertificate.all(in: caFileText).map { $0.map(\.pem) }
    }

    /// The leaf of a client certificate (chain) when `keyPEM` is its key; or why not: an
    /// unreadable certificate, an encrypted key (OpenSSL would ask for its passphrase on
    /// the terminal), an unreadable key, or the key of another certificate.
    public static func clientCertificate(
        certificatePEM: String, keyPEM: String
    ) -> Result<CertificateSummary, CertificateProblem> {
        if keyPEM.contains("ENCRYPTED") {
            return .failure(
                .other(
                    "the key is encrypted (a passphrase) and the station cannot ask for one: decrypt it, e.g. "
                        + "openssl pkey -in KEY -out KEY.plain"))
        }
        guard (try? Certificate.PrivateKey(pemEncoded: keyPEM)) != nil else {
            return .failure(.other("the key is not a readable PEM private key (PKCS#8, SEC 1 or PKCS#1)"))
        }
        return X509Toolkit.certificates(pem: certificatePEM).flatMap { chain in
            guard StationKeys.key(keyPEM, matches: certificatePEM) else {
                return .failure(.other("the key is not the key of the certificate \(chain[0].subject)"))
            }
            return .success(chain[0])
        }
    }
}
