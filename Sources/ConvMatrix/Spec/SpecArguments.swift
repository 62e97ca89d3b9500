/// A layer call's arguments bound to a kind's constructor by Python's rules, for
/// the kinds that read their arguments by name (every kind but the convolution,
/// whose ``SpecBuilder`` predates it).
///
/// Positionals come first, in the constructor's order; a keyword at most once,
/// and not for an argument already given by position; every required argument
/// given. Errors name the argument and point at it in the spec.
///
///     // AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, …)
///     let arguments = try SpecArguments(call, kind: "AvgPool2d", parameters: ["kernel_size", "stride", "padding"], required: 1)
///     try arguments.perDimension("kernel_size", dimensions: 2)   // [2, 2] for AvgPool2d(2)
public struct SpecArguments: Sendable {
    /// The layer as written, e.g. `AvgPool2d`.
    public let kind: String
    let call: SpecCall
    private var values: [String: SpecValue] = [:]

    /// Binds `call`'s arguments to `parameters`, the first `required` of which must be given.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`: an unknown keyword (its own field,
    ///   with the closest name suggested), a repeated argument, a positional after a
    ///   keyword, too many positionals, or a missing required argument.
    init(_ call: SpecCall, kind: String, parameters: [String], required: Int) throws(ConvMatrixError) {
        self.kind = kind
        self.call = call
        var sawKeyword = false
        for (index, argument) in call.arguments.enumerated() {
            let name: String
            if let keyword = argument.keyword {
                guard parameters.contains(keyword) else {
                    let closest = parameters.min {
                        SpecParameter.editDistance(Array($0), Array(keyword)) < SpecParameter.editDistance(Array($1), Array(keyword))
                    }
                    let hint = closest.map { SpecParameter.editDistance(Array($0), Array(keyword)) <= 2 ? "; did you mean \($0)?" : "" } ?? ""
                    throw .spec(
                        keyword, "\(kind) has no argument '\(keyword)'\(hint) (\(Self.takes(parameters)))", offset: argument.offset)
                }
                sawKeyword = true
                name = keyword
            } else {
                guard !sawKeyword else { throw .spec("spec", "positional argument follows keyword argument", offset: argument.offset) }
                guard index < parameters.count else {
                    throw .spec("spec", "\(kind) takes at most \(parameters.count) positional arguments", offset: argument.offset)
                }
                name = parameters[index]
            }
            guard values[name] == nil else {
                throw .spec(name, "\(kind) got multiple values for argument '\(name)'", offset: argument.offset)
            }
            values[name] = argument.value
        }
        for name in parameters.prefix(required) where values[name] == nil {
            throw .spec(name, "missing required argument; \(kind) needs \(parameters.prefix(required).joined(separator: ", "))", offset: call.closingOffset)
        }
    }

    /// `it takes kernel_size, stride`, or `it takes no arguments`.
    static func takes(_ parameters: [String]) -> String {
        parameters.isEmpty ? "it takes no arguments" : "it takes \(parameters.joined(separator: ", "))"
    }

    /// The value given for `name`, or nil (an explicit `None` counts as not given).
    public func given(_ name: String) -> Bool { values[name].map { !$0.isNone } ?? false }

    /// An integer, or `fallback` when not given.
    public func integer(_ name: String, default fallback: Int? = nil) throws(ConvMatrixError) -> Int {
        guard let value = values[name], !value.isNone else { return try require(fallback, name) }
        return try value.integer(field: name)
    }

    /// An int or a per-dimension tuple, or `fallback` when not given.
    public func perDimension(_ name: String, dimensions: Int, default fallback: [Int]? = nil) throws(ConvMatrixError) -> [Int] {
        guard let value = values[name], !value.isNone else { return try require(fallback, name) }
        return try value.perDimension(field: name, dimensions: dimensions)
    }

    /// True or False, or `fallback` when not given.
    public func boolean(_ name: String, default fallback: Bool) throws(ConvMatrixError) -> Bool {
        guard let value = values[name], !value.isNone else { return fallback }
        return try value.boolean(field: name)
    }

    /// A number, or `fallback` when not given (an explicit `None` gives `fallback` too).
    public func real(_ name: String, default fallback: Double?) throws(ConvMatrixError) -> Double? {
        guard let value = values[name], !value.isNone else { return fallback }
        return try value.real(field: name)
    }

    /// The error on argument `name`, pointing at its value (or at the closing `)` when not given).
    public func error(_ name: String, _ reason: String) -> ConvMatrixError {
        .spec(name, reason, offset: values[name]?.offset ?? call.closingOffset)
    }

    private func require<T>(_ fallback: T?, _ name: String) throws(ConvMatrixError) -> T {
        guard let fallback else { throw error(name, "missing required argument") }
        return fallback
    }
}
