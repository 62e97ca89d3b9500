/// The one error type of the library: everything a caller can get wrong.
///
/// Every error names the `field` at fault (a spec keyword such as `kernel_size`,
/// a shape such as `input`, a file path, or a budget such as `max-memory`) and a
/// `reason` a person can act on. Its description is the one line the CLI prints,
/// and it stays one line: whatever a user wrote that reaches `field` or `reason`
/// (a path, a spec string) is escaped by ``EchoedText/escaped(_:)``:
///
///     kernel_size: 5 is larger than the padded input 4 along dimension 1
///
/// Broken invariants of the library itself are `precondition`s, never this type.
public struct ConvMatrixError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of input was wrong.
    public enum Kind: String, Sendable, Equatable {
        /// A layer spec string or a spec value.
        case spec
        /// An input shape, or a shape that disagrees with the layer.
        case shape
        /// A file that could not be read or has the wrong content.
        case file
        /// A computation refused before allocation because it exceeds a budget.
        case budget
        /// A numerical routine (LAPACK) reported failure, e.g. on a NaN.
        case numerical
        /// An option that does not fit the layer, e.g. the Fourier method on a
        /// zero-padded layer.
        case option
    }

    public let kind: Kind
    /// The spec keyword, shape, file or budget at fault.
    public let field: String
    /// Why it is wrong, in words a person can act on.
    public let reason: String
    /// For spec errors: the 0-based offset in the spec string where the fault
    /// starts, so that a terminal can draw a caret under it.
    public let offset: Int?

    public init(_ kind: Kind, field: String, reason: String, offset: Int? = nil) {
        self.kind = kind
        self.field = EchoedText.escaped(field)
        self.reason = EchoedText.escaped(reason)
        self.offset = offset
    }

    public var description: String { "\(field): \(reason)" }

    static func spec(_ field: String, _ reason: String, offset: Int? = nil) -> Self {
        Self(.spec, field: field, reason: reason, offset: offset)
    }

    static func shape(_ field: String, _ reason: String) -> Self {
        Self(.shape, field: field, reason: reason)
    }

    static func file(_ path: String, _ reason: String) -> Self {
        Self(.file, field: path, reason: reason)
    }
}
