/// Turns a parsed ``SpecCall`` into a validated ``ConvolutionSpec``: binds each
/// argument to torch's parameter, converts its value, and checks the whole.
///
/// Binding follows Python's rules for a call: positionals first, in torch's order;
/// a keyword at most once, and not for an argument already given by position.
/// Arguments are taken in the order written, so that the error reported is the
/// first one in the text. Errors from ``ConvolutionSpec/validated()`` are given
/// the offset of the value they are about.
///
///     var parser = SpecParser(tokens: try SpecLexer.tokens(in: "Conv1d(1, 1, 3, stride=0)"))
///     try SpecBuilder.spec(from: parser.call())
///     // throws stride: must be at least 1, got 0 (offset 23)
struct SpecBuilder {
    private let call: SpecCall
    private var spec: ConvolutionSpec
    /// Where each given argument starts: its keyword, or its value if positional.
    private var argumentOffsets: [SpecParameter: Int] = [:]
    /// Where each given argument's value starts.
    private var valueOffsets: [SpecParameter: Int] = [:]
    private var positionalCount = 0
    private var sawKeyword = false
    private var paddingModeName: String?
    private var paddingValue: Double?
    /// Where each list of `connections=` starts, to point at the one at fault.
    private var connectionOffsets: [Int] = []

    /// The spec `call` describes, with torch's defaults for what it leaves out.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`, on the keyword at fault (an
    ///   unknown keyword is its own field), or on `spec` for a misplaced positional.
    static func spec(from call: SpecCall) throws(ConvMatrixError) -> ConvolutionSpec {
        var builder = SpecBuilder(call: call)
        for argument in call.arguments {
            let parameter = try builder.bind(argument)
            try builder.assign(argument.value, to: parameter)
        }
        try builder.requireArguments()
        try builder.applyPaddingMode()
        return try builder.validated()
    }

    private init(call: SpecCall) {
        self.call = call
        spec = ConvolutionSpec(spatialDimensions: call.spatialDimensions, inChannels: 0, outChannels: 0, kernelSize: [])
    }

    private var typeName: String { spec.typeName }

    /// The parameter `argument` gives, by keyword or by position.
    private mutating func bind(_ argument: SpecArgument) throws(ConvMatrixError) -> SpecParameter {
        let parameter: SpecParameter
        if let keyword = argument.keyword {
            parameter = try keywordParameter(keyword, at: argument.offset)
        } else {
            parameter = try positionalParameter(at: argument.offset)
        }
        argumentOffsets[parameter] = argument.offset
        valueOffsets[parameter] = argument.value.offset
        return parameter
    }

    private mutating func keywordParameter(_ keyword: String, at offset: Int) throws(ConvMatrixError) -> SpecParameter {
        sawKeyword = true
        guard let parameter = SpecParameter(rawValue: keyword) else {
            throw .spec(keyword, SpecParameter.unknownKeywordReason(keyword), offset: offset)
        }
        if argumentOffsets[parameter] != nil {
            let position = SpecParameter.positional.prefix(positionalCount).firstIndex(of: parameter)
            let reason = position.map { "already given by position, as argument \($0 + 1)" } ?? "given twice"
            throw .spec(keyword, reason, offset: offset)
        }
        return parameter
    }

    private mutating func positionalParameter(at offset: Int) throws(ConvMatrixError) -> SpecParameter {
        guard !sawKeyword else {
            let reason = "positional argument after a keyword argument at column \(offset + 1); give it as keyword=value"
            throw .spec("spec", reason, offset: offset)
        }
        guard positionalCount < SpecParameter.positional.count else {
            let names = SpecParameter.positional.map(\.keyword).joined(separator: ", ")
            let limit = "\(typeName) takes at most \(SpecParameter.positional.count): \(names)"
            throw .spec("spec", "too many positional arguments at column \(offset + 1); \(limit)", offset: offset)
        }
        positionalCount += 1
        return SpecParameter.positional[positionalCount - 1]
    }

    private mutating func assign(_ value: SpecValue, to parameter: SpecParameter) throws(ConvMatrixError) {
        let dimensions = call.spatialDimensions
        switch parameter {
        case .inChannels: spec.inChannels = try value.integer(for: parameter)
        case .outChannels: spec.outChannels = try value.integer(for: parameter)
        case .kernelSize: spec.kernelSize = try value.perDimension(for: parameter, dimensions: dimensions)
        case .stride: spec.stride = try value.perDimension(for: parameter, dimensions: dimensions)
        case .padding: spec.padding = try value.padding(dimensions: dimensions)
        case .dilation: spec.dilation = try value.perDimension(for: parameter, dimensions: dimensions)
        case .groups: spec.groups = try value.integer(for: parameter)
        case .bias:
            let choice = try value.biasChoice()
            (spec.bias, spec.untiedBias) = (choice.present, choice.untied)
        case .paddingMode: paddingModeName = try value.paddingModeName()
        case .paddingValue: paddingValue = try value.real(for: parameter)
        case .connections: (spec.connections, connectionOffsets) = try value.connectionLists()
        }
    }

    /// in_channels, out_channels and kernel_size have no default.
    private func requireArguments() throws(ConvMatrixError) {
        for parameter in SpecParameter.required where argumentOffsets[parameter] == nil {
            let needs = "\(typeName) needs in_channels, out_channels and kernel_size, as in \(typeName)(1, 1, kernel_size=3)"
            throw .spec(parameter.keyword, "missing required argument; \(needs)", offset: call.closingOffset)
        }
    }

    /// `padding_mode` with `padding_value`, which only `'constant'` takes (default 0.0).
    private mutating func applyPaddingMode() throws(ConvMatrixError) {
        let name = paddingModeName ?? "zeros"
        if name == "constant" {
            spec.paddingMode = .constant(paddingValue ?? 0)
            return
        }
        if paddingValue != nil {
            let reason = "only allowed with padding_mode='constant' (the mode here is '\(name)')"
            throw .spec("padding_value", reason, offset: argumentOffsets[.paddingValue])
        }
        switch name {
        case "circular": spec.paddingMode = .circular
        case "reflect": spec.paddingMode = .reflect
        case "replicate": spec.paddingMode = .replicate
        default: spec.paddingMode = .zeros
        }
    }

    /// ``ConvolutionSpec/validated()``, its error pointing at the value at fault.
    private func validated() throws(ConvMatrixError) -> ConvolutionSpec {
        do throws(ConvMatrixError) {
            return try spec.validated()
        } catch {
            // A defaulted argument is never at fault; the layer name stands for the whole spec.
            var offset = SpecParameter(rawValue: error.field).flatMap { valueOffsets[$0] } ?? call.layerOffset
            if error.field == SpecParameter.connections.keyword, let list = spec.connectionsProblem()?.list {
                offset = connectionOffsets[list]
            }
            throw ConvMatrixError(error.kind, field: error.field, reason: error.reason, offset: offset)
        }
    }
}
