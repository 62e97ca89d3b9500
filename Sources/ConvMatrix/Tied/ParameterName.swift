/// The slides' name of one weight parameter, v_{ji}^{t}, with 1-based indices.
///
/// j is the output map, i the (global) input map, so that the name matches the
/// block of Wᵀ it sits in also under groups, and t the tap: one index per
/// spatial dimension (v_{ji}^{ab} in 2-D, as the slides' w^{αβ}).
public struct ParameterName: Hashable, Sendable {
    /// j, 1-based.
    public let outputMap: Int
    /// i, 1-based, counted over all input maps.
    public let inputMap: Int
    /// t, 1-based, one index per spatial dimension.
    public let tap: [Int]
    /// The letter: v for a convolution's taps (the slides' v_{ji}^t), w for a
    /// fully connected layer's weights w_{ji}.
    public let letter: String

    public init(outputMap: Int, inputMap: Int, tap: [Int], letter: String = "v") {
        self.outputMap = outputMap
        self.inputMap = inputMap
        self.tap = tap
        self.letter = letter
    }

    /// The largest index in the name.
    var largestIndex: Int { ([outputMap, inputMap] + tap).max() ?? 0 }
}

/// How a layer writes its parameter names: all indices run together when every
/// index of the layer is a single digit (v_{11}^{1}, as on the slide), all
/// separated by commas as soon as one index has two digits (v_{12,4}^{3,5}).
public struct ParameterNotation: Hashable, Sendable {
    /// True when indices are separated.
    public let separated: Bool

    /// The notation for a layer with these parameters.
    public init(for names: [ParameterName]) {
        separated = names.contains { $0.largestIndex > 9 }
    }

    public init(separated: Bool) {
        self.separated = separated
    }

    /// The subscript and superscript indices as strings, e.g. ("11", "1") or ("12,4", "3,5").
    public func indices(of name: ParameterName) -> (lower: String, upper: String) {
        let glue = separated ? "," : ""
        return (
            "\(name.outputMap)\(glue)\(name.inputMap)",
            name.tap.map(String.init).joined(separator: glue)
        )
    }

    /// LaTeX: `v_{11}^{1}`.
    public func latex(_ name: ParameterName) -> String {
        let (lower, upper) = indices(of: name)
        return upper.isEmpty ? "\(name.letter)_{\(lower)}" : "\(name.letter)_{\(lower)}^{\(upper)}"
    }
}
