/// A transfer that could not start or did not finish, in the words of
/// `TransferResult.failed(reason:)`.
struct TransferFailure: Error {
    let reason: String
    /// The HTTP status the server answered with, when that is the failure: an upload
    /// refused as PUT with 405 or 501 is tried again as a POST form.
    var httpStatus: Int?

    init(_ reason: String, httpStatus: Int? = nil) {
        self.reason = reason
        self.httpStatus = httpStatus
    }

    static let cancelled = TransferFailure("cancelled")
}
