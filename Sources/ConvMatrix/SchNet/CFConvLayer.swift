/// A continuous-filter convolution on one molecule as a ``Layer``: the form the
/// checker, `show` and every renderer take.
///
///     y_{f,i} = Σ_{j ∈ N(i)} v_{f, c(i,j)} x_{f,j}      (forward)
///     δx_{f,j} = Σ_{i : j ∈ N(i)} v_{f, c(i,j)} δy_{f,i}  (adjoint)
///     ∂E/∂v_{f,c} = Σ_{(i,j) ∈ class c} δy_{f,i} x_{f,j}
///
/// N(i) = the j ≠ i with d_ij < r_c (and j = i with self-interaction), c(i, j) the
/// pair's distance class (``DistanceClasses``). The weights v are the filter
/// values W_f(d_c) (``CFConvMatrix/values``), in the layout (F, 1, classes), so
/// that parameter p = f · classes + c, named W_{ff}^{c}. Shapes: x and y are
/// F × n_atoms. No bias.
public struct CFConvLayer: Sendable {
    public let configuration: SchNetConfiguration
    public let molecule: Molecule
    /// The class distances, shortest first.
    public let classDistances: [Double]

    /// The layer on `molecule` under `configuration` (F, cutoff, self-interaction).
    public init(configuration: SchNetConfiguration, molecule: Molecule) throws(ConvMatrixError) {
        self.configuration = try configuration.validated()
        self.molecule = molecule
        classDistances = DistanceClasses(molecule, configuration: configuration).classes.map(\.distance)
    }

    /// The filter values of `model`'s interaction block t at the class distances, as this layer's weight.
    public func weights(model: SchNetModel, interaction t: Int = 0) -> LayerWeights {
        let filters = model.filterValues(at: classDistances, interaction: t)
        let values = (0..<configuration.features).flatMap { f in classDistances.indices.map { filters[$0, f] } }
        return LayerWeights(unchecked: values, bias: nil)
    }

    /// c(i, j) from the distance alone, for the reference: the class whose distance
    /// is at most ``DistanceClasses/tolerance`` below d_ij. Nil for a pair not in N(i).
    func referenceClass(_ i: Int, _ j: Int) -> Int? {
        guard i != j || configuration.selfInteraction else { return nil }
        let d = molecule.distance(i, j)
        if let rc = configuration.cutoff, d >= rc { return nil }
        return classDistances.lastIndex { $0 <= d && d - $0 <= DistanceClasses.tolerance }
    }
}

extension CFConvLayer: Layer {
    public var kind: String { "CFConv" }
    public var specDescription: String {
        let cut = configuration.cutoff.map { "\($0)" } ?? "None"
        return
            "CFConv(\(configuration.features), n_rbf=\(configuration.rbfCount), gamma=\(configuration.gamma), spacing=\(configuration.spacing), cutoff=\(cut), self_interaction=\(configuration.selfInteraction ? "True" : "False"))"
    }
    public var input: TensorShape { TensorShape(channels: configuration.features, spatial: [molecule.count]) }
    public var output: TensorShape { input }
    public var weightShape: [Int] { [configuration.features, 1, classDistances.count] }
    public var biasShape: [Int]? { nil }
    public var matrixNote: String? {
        "a continuous-filter convolution: pairs of atoms at one distance (within 1e-6 Å) share one filter value W_f(d)"
    }
    public var entryCountBound: Int { saturatingProduct(configuration.features, molecule.count, molecule.count) }

    public func parameterName(_ p: Int) -> ParameterName {
        let classes = classDistances.count
        return ParameterName(outputMap: p / classes + 1, inputMap: p / classes + 1, tap: [p % classes + 1], letter: "W")
    }

    public func biasParameter(ofRow r: Int) -> Int? { nil }

    /// The terms of ``CFConvMatrix``: Wᵀ[(f, i), (f, j)] = v_{f, c(i,j)}.
    public func matrixForm() -> MatrixForm {
        let n = molecule.count
        let pairs = PairList(positions: molecule.positions, configuration: configuration)
        let classes = DistanceClasses(pairs)
        var terms: [Term] = []
        for f in 0..<configuration.features {
            for p in 0..<pairs.count {
                terms.append(Term(row: f * n + pairs.first[p], column: f * n + pairs.second[p], parameter: f * classes.count + classes.classOfPair[p]))
            }
        }
        let tied = TiedMatrix(
            rows: input.count, columns: input.count, rowBlockSize: n, columnBlockSize: n,
            parameters: (0..<weightParameterCount).map(parameterName), terms: terms)
        return MatrixForm(layer: self, tied: tied)
    }

    public func referenceForward<S: ReferenceScalar>(x: [S], weight: [S], bias: [S]?) -> [S] {
        let (n, classes) = (molecule.count, classDistances.count)
        var y = Array(repeating: S.zero, count: x.count)
        for f in 0..<configuration.features {
            for i in 0..<n {
                for j in 0..<n {
                    guard let c = referenceClass(i, j) else { continue }
                    y[f * n + i] = y[f * n + i] + weight[f * classes + c] * x[f * n + j]
                }
            }
        }
        return y
    }

    public func referenceInputGradient(outputGradient dy: [Double], weight: [Double]) -> [Double] {
        let (n, classes) = (molecule.count, classDistances.count)
        var dx = Array(repeating: 0.0, count: dy.count)
        for f in 0..<configuration.features {
            for i in 0..<n {
                for j in 0..<n {
                    guard let c = referenceClass(i, j) else { continue }
                    dx[f * n + j] += weight[f * classes + c] * dy[f * n + i]
                }
            }
        }
        return dx
    }

    public func referenceWeightGradient(input x: [Double], outputGradient dy: [Double]) -> [Double] {
        let (n, classes) = (molecule.count, classDistances.count)
        var gradient = Array(repeating: 0.0, count: weightParameterCount)
        for f in 0..<configuration.features {
            for i in 0..<n {
                for j in 0..<n {
                    guard let c = referenceClass(i, j) else { continue }
                    gradient[f * classes + c] += dy[f * n + i] * x[f * n + j]
                }
            }
        }
        return gradient
    }
}
