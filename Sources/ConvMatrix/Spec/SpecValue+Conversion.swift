/// What each argument of a spec must be written as, and the error when it is not.
///
/// Each conversion checks the form only (an int, a tuple of the right length, a
/// known string); ranges such as `stride >= 1` are ``ConvolutionSpec/validated()``'s.
/// Every error names the argument and points at the value, or at the entry of a
/// tuple, that is wrong.
///
///     try SpecValue(kind: .number("3"), offset: 0).perDimension(for: .kernelSize, dimensions: 2)  // [3, 3]
extension SpecValue {
    /// The spellings `padding_mode=` accepts.
    static let paddingModeNames = ["zeros", "circular", "reflect", "replicate", "constant"]

    /// An integer, possibly negative: `in_channels`, `out_channels`, `groups`, or one
    /// entry of a per-dimension tuple.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on `parameter`'s keyword.
    func integer(for parameter: SpecParameter) throws(ConvMatrixError) -> Int {
        try integer(field: parameter.keyword)
    }

    /// An integer, for the argument named `field`.
    func integer(field: String) throws(ConvMatrixError) -> Int {
        guard case .number(let text) = kind, !text.contains(where: { ".eE".contains($0) }) else {
            throw error(field, "expected an integer, got \(shown)")
        }
        guard let value = Int(text) else { throw error(field, "\(text) is too large for an integer") }
        return value
    }

    /// An int meaning the same for every spatial dimension, or a tuple (or list) with
    /// one entry per spatial dimension: `kernel_size`, `stride`, `dilation`, `padding`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on `parameter`'s keyword.
    func perDimension(for parameter: SpecParameter, dimensions: Int) throws(ConvMatrixError) -> [Int] {
        try perDimension(field: parameter.keyword, dimensions: dimensions)
    }

    /// An int or a tuple of one int per spatial dimension, for the argument named `field`.
    func perDimension(field: String, dimensions: Int) throws(ConvMatrixError) -> [Int] {
        switch kind {
        case .number:
            return Array(repeating: try integer(field: field), count: dimensions)
        case .tuple(let elements), .list(let elements):
            guard elements.count == dimensions else {
                throw error(field, Self.wrongCount(dimensions, "value", got: elements.count))
            }
            var values: [Int] = []
            for element in elements { values.append(try element.integer(field: field)) }
            return values
        case .string, .name:
            throw error(field, "expected an int or a tuple of \(Self.count(dimensions, "int")), got \(shown)")
        }
    }

    /// `'valid'`, `'same'`, `'full'`, an int, a tuple of one int per spatial
    /// dimension, or a tuple of one (before, after) pair per spatial dimension.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on field `padding`.
    func padding(dimensions: Int) throws(ConvMatrixError) -> Padding {
        switch kind {
        case .string(let name):
            switch name {
            case "valid": return .valid
            case "same": return .same
            case "full": return .full
            default:
                let forms = "an int, a tuple of \(Self.count(dimensions, "int")) or \(Self.count(dimensions, "(before, after) pair"))"
                throw error(.padding, "unknown padding \(EchoedText.quoted(name)); use 'valid', 'same', 'full', \(forms)")
            }
        case .tuple(let elements), .list(let elements):
            if elements.first?.sequence != nil { return .asymmetric(try sidePaddings(elements, dimensions: dimensions)) }
            if elements.count == 2 * dimensions, let pairs = Self.pairsHint(elements) {
                let hint = "for different amounts before and after write padding=\(pairs)"
                throw error(.padding, Self.wrongCount(dimensions, "value", got: elements.count) + "; " + hint)
            }
            return .symmetric(try perDimension(for: .padding, dimensions: dimensions))
        case .number:
            return .symmetric(try perDimension(for: .padding, dimensions: dimensions))
        case .name:
            throw error(.padding, "expected an int, a tuple, or 'valid', 'same' or 'full', got \(shown)")
        }
    }

    /// `True` or `False`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on `parameter`'s keyword.
    func boolean(for parameter: SpecParameter) throws(ConvMatrixError) -> Bool {
        try boolean(field: parameter.keyword)
    }

    /// True or False, for the argument named `field`.
    func boolean(field: String) throws(ConvMatrixError) -> Bool {
        switch kind {
        case .name("True"): return true
        case .name("False"): return false
        default: throw error(field, "expected True or False, got \(shown)")
        }
    }

    /// True when the value is Python's `None`.
    var isNone: Bool { kind == .name("None") }

    /// One of ``paddingModeNames``, quoted.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on field `padding_mode`.
    func paddingModeName() throws(ConvMatrixError) -> String {
        let allowed = Self.paddingModeNames.map { "'\($0)'" }.joined(separator: ", ")
        guard case .string(let name) = kind else {
            throw error(.paddingMode, "expected a quoted padding mode, got \(shown); use one of \(allowed)")
        }
        guard Self.paddingModeNames.contains(name) else {
            throw error(.paddingMode, "unknown padding mode \(EchoedText.quoted(name)); use one of \(allowed)")
        }
        return name
    }

    /// A number, integer or not: `-1.0`, `0.5`, `2`, `1e-3`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on `parameter`'s keyword.
    func real(for parameter: SpecParameter) throws(ConvMatrixError) -> Double {
        try real(field: parameter.keyword)
    }

    /// A number, for the argument named `field`.
    func real(field: String) throws(ConvMatrixError) -> Double {
        guard case .number(let text) = kind, let value = Double(text) else {
            throw error(field, "expected a number such as -1.0 or 0.5, got \(shown)")
        }
        return value
    }

    /// The error on `parameter`, pointing at this value.
    func error(_ parameter: SpecParameter, _ reason: String) -> ConvMatrixError {
        error(parameter.keyword, reason)
    }

    /// The error on the argument named `field`, pointing at this value.
    func error(_ field: String, _ reason: String) -> ConvMatrixError {
        .spec(field, reason, offset: offset)
    }

    /// One (before, after) pair per spatial dimension, from this tuple's `elements`.
    private func sidePaddings(_ elements: [SpecValue], dimensions: Int) throws(ConvMatrixError) -> [SidePadding] {
        guard elements.count == dimensions else {
            throw error(.padding, Self.wrongCount(dimensions, "(before, after) pair", got: elements.count))
        }
        var sides: [SidePadding] = []
        for element in elements {
            guard let pair = element.sequence, pair.count == 2 else {
                throw element.error(.padding, "expected a (before, after) pair, got \(element.shown)")
            }
            sides.append(SidePadding(before: try pair[0].integer(for: .padding), after: try pair[1].integer(for: .padding)))
        }
        return sides
    }

    /// `((2, 1),)` or `((2, 1), (1, 2))` from a flat tuple of numbers, for a hint.
    private static func pairsHint(_ elements: [SpecValue]) -> String? {
        var pairs: [String] = []
        for start in stride(from: 0, to: elements.count - 1, by: 2) {
            guard case .number(let before) = elements[start].kind,
                case .number(let after) = elements[start + 1].kind
            else { return nil }
            pairs.append("(\(before), \(after))")
        }
        guard let first = pairs.first else { return nil }
        return pairs.count == 1 ? "(\(first),)" : "(" + pairs.joined(separator: ", ") + ")"
    }

    /// `expected 2 values, one per spatial dimension of a 2-D layer, got 3`.
    private static func wrongCount(_ dimensions: Int, _ noun: String, got actual: Int) -> String {
        "expected \(count(dimensions, noun)), one per spatial dimension of a \(dimensions)-D layer, got \(actual)"
    }

    /// `1 value`, `2 values`.
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
