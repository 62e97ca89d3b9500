/// The forms of LeCun 1989's two extensions of the convolution: `bias='untied'`
/// and `connections=[[...], ...]`.
///
///     bias='untied'                          // one bias per output unit
///     connections=[[0, 1], [1, 2], [0, 2]]   // output map j reads the input maps of list j
///
/// As elsewhere, only the form is checked here; what the lists may hold (sorted,
/// in range, one per output map) is ``ConvolutionSpec/validated()``'s.
extension SpecValue {
    /// What `bias=` says: whether the layer has a bias, and whether it is untied.
    struct BiasChoice: Equatable {
        var present: Bool
        var untied: Bool
    }

    /// `True`, `False` or `'untied'`.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on field `bias`.
    func biasChoice() throws(ConvMatrixError) -> BiasChoice {
        switch kind {
        case .name("True"): return BiasChoice(present: true, untied: false)
        case .name("False"): return BiasChoice(present: false, untied: false)
        case .string("untied"): return BiasChoice(present: true, untied: true)
        case .string(let name):
            throw error(.bias, "unknown bias \(EchoedText.quoted(name)); use True, False or 'untied' (one bias per output unit)")
        default:
            throw error(.bias, "expected True, False or 'untied', got \(shown)")
        }
    }

    /// A list of lists of ints, one list per output map, and where each list starts.
    ///
    /// Tuples are accepted wherever a list is, as Python iterables.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec` on field `connections`, pointing
    ///   at the value, list or entry that is not of the right form.
    func connectionLists() throws(ConvMatrixError) -> (lists: [[Int]], offsets: [Int]) {
        guard let outer = sequence else {
            throw error(.connections, "expected a list with one list of input maps per output map, such as [[0, 1], [1, 2]], got \(shown)")
        }
        var lists: [[Int]] = []
        var offsets: [Int] = []
        for (j, element) in outer.enumerated() {
            guard let inner = element.sequence else {
                throw element.error(.connections, "list \(j) (output map \(j)): expected a list of input maps such as [0, 2], got \(element.shown)")
            }
            var maps: [Int] = []
            for entry in inner { maps.append(try entry.integer(for: .connections)) }
            lists.append(maps)
            offsets.append(element.offset)
        }
        return (lists, offsets)
    }
}
