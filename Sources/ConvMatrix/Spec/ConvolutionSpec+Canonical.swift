/// The one way to write a spec: what ``ConvolutionSpec/init(parsing:)`` reads back
/// to an equal spec.
extension ConvolutionSpec: CustomStringConvertible {
    /// The spec written as a PyTorch layer, in one canonical form.
    ///
    /// in_channels and out_channels by position, then keywords in torch's order:
    /// `kernel_size` always; `stride`, `padding`, `dilation`, `groups`, `bias=False`,
    /// `padding_mode` and `padding_value` only where they differ from the default;
    /// then the extensions `bias='untied'` and `connections=[[…], …]` (lists, as
    /// Python prints them).
    /// A per-dimension value is one int when its entries are equal, else a tuple;
    /// padding is `'valid'`, `'same'`, `'full'`, an int or tuple (symmetric), or one
    /// (before, after) pair per dimension. `padding_value` is Swift's shortest
    /// decimal that reads back to the same `Double`. No `nn.` prefix.
    ///
    ///     try ConvolutionSpec(parsing: "nn.Conv1d(2, 3, 3, 1, 0, 1, 1, False)").canonical
    ///     // "Conv1d(2, 3, kernel_size=3, bias=False)"
    ///     try ConvolutionSpec(parsing: "Conv2d(1, 1, (3, 3), padding=((2, 1), (1, 2)))").canonical
    ///     // "Conv2d(1, 1, kernel_size=3, padding=((2, 1), (1, 2)))"
    ///
    /// For every valid spec, `try ConvolutionSpec(parsing: spec.canonical) == spec`.
    public var canonical: String {
        var arguments = ["\(inChannels)", "\(outChannels)", "kernel_size=\(Self.compact(kernelSize))"]
        if !stride.allSatisfy({ $0 == 1 }) { arguments.append("stride=\(Self.compact(stride))") }
        if let padding = canonicalPadding { arguments.append("padding=\(padding)") }
        if !dilation.allSatisfy({ $0 == 1 }) { arguments.append("dilation=\(Self.compact(dilation))") }
        if groups != 1 { arguments.append("groups=\(groups)") }
        if !bias { arguments.append("bias=False") }
        arguments += canonicalPaddingMode
        if untiedBias { arguments.append("bias='untied'") }
        if let connections {
            let lists = connections.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }
            arguments.append("connections=[" + lists.joined(separator: ", ") + "]")
        }
        return "\(typeName)(\(arguments.joined(separator: ", ")))"
    }

    /// The same as ``canonical``.
    public var description: String { canonical }

    /// The `padding=` value, or nil for the default of no padding.
    private var canonicalPadding: String? {
        switch padding {
        case .valid: "'valid'"
        case .same: "'same'"
        case .full: "'full'"
        case .symmetric(let amounts): amounts.allSatisfy { $0 == 0 } && !amounts.isEmpty ? nil : Self.compact(amounts)
        case .asymmetric(let sides): Self.pairs(sides)
        }
    }

    /// `padding_mode=…` and `padding_value=…`, or nothing for zeros.
    private var canonicalPaddingMode: [String] {
        switch paddingMode {
        case .zeros:
            return []
        case .constant(let value) where value == 0 && value.sign == .plus:
            return ["padding_mode='constant'"]
        case .constant(let value):
            return ["padding_mode='constant'", "padding_value=\(value)"]
        case .circular, .reflect, .replicate:
            return ["padding_mode='\(paddingMode.name)'"]
        }
    }

    /// `3` when every entry is 3, else `(3, 5)`.
    private static func compact(_ values: [Int]) -> String {
        if let first = values.first, values.allSatisfy({ $0 == first }) { return "\(first)" }
        return "(" + values.map(String.init).joined(separator: ", ") + ")"
    }

    /// `((2, 1), (1, 2))`, and `((2, 1),)` for one pair, as Python writes tuples.
    private static func pairs(_ sides: [SidePadding]) -> String {
        let written = sides.map { "(\($0.before), \($0.after))" }
        return "(" + written.joined(separator: ", ") + (written.count == 1 ? ",)" : ")")
    }
}
