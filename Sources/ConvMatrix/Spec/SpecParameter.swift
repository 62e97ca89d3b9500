/// The arguments of `torch.nn.ConvNd`, in torch's positional order, plus the
/// keyword-only extensions `padding_value` and `connections`.
///
///     SpecParameter.positional[2]                 // .kernelSize
///     SpecParameter.suggestion(for: "kernal_size")  // .kernelSize
enum SpecParameter: String, CaseIterable, Sendable {
    case inChannels = "in_channels"
    case outChannels = "out_channels"
    case kernelSize = "kernel_size"
    case stride
    case padding
    case dilation
    case groups
    case bias
    case paddingMode = "padding_mode"
    case paddingValue = "padding_value"
    case connections

    /// The arguments that may be given by position, in order.
    static let positional: [SpecParameter] = allCases.filter { $0 != .paddingValue && $0 != .connections }

    /// The arguments without a default.
    static let required: [SpecParameter] = [.inChannels, .outChannels, .kernelSize]

    /// The keyword as written in a spec, and as the field of an error.
    var keyword: String { rawValue }

    /// The known keyword closest to `typo` by edit distance, if at most 2 edits away;
    /// ties go to the earlier argument.
    static func suggestion(for typo: String) -> SpecParameter? {
        let typed = Array(typo)
        var best: (parameter: SpecParameter, distance: Int)?
        for parameter in allCases {
            let distance = editDistance(typed, Array(parameter.keyword))
            if distance <= 2, distance < best?.distance ?? Int.max { best = (parameter, distance) }
        }
        return best?.parameter
    }

    /// The reason for an error on an unknown keyword: a suggestion, or the whole list.
    static func unknownKeywordReason(_ keyword: String) -> String {
        if let near = suggestion(for: keyword) { return "unknown keyword; did you mean \(near.keyword)?" }
        return "unknown keyword; known keywords are " + allCases.map(\.keyword).joined(separator: ", ")
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions
    /// turning `a` into `b`, by the usual one-row dynamic programme
    ///
    ///     d(i, j) = min(d(i−1, j) + 1,  d(i, j−1) + 1,  d(i−1, j−1) + [aᵢ ≠ bⱼ])
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var row = Array(0...b.count)
        for i in a.indices {
            var diagonal = row[0]
            row[0] = i + 1
            for j in b.indices {
                let substitution = diagonal + (a[i] == b[j] ? 0 : 1)
                diagonal = row[j + 1]
                row[j + 1] = min(row[j + 1] + 1, row[j] + 1, substitution)
            }
        }
        return row[b.count]
    }
}
