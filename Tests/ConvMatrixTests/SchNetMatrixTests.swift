import Testing

@testable import ConvMatrix

/// The cfconv as a matrix over atoms: distance classes, the per-feature and per-pair views, and the renderers.
@Suite struct SchNetMatrixTests {
    static let small = SchNetConfiguration(features: 3, rbfCount: 30, interactions: 2)

    /// Methane: the four C–H bonds one class, the six H–H pairs another.
    @Test func methaneHasTwoDistanceClasses() throws {
        let classes = DistanceClasses(try Molecule(named: "methane"), configuration: Self.small)
        #expect(classes.count == 2)
        #expect(classes.classes.map(\.pairs.count) == [8, 12])
        #expect(abs(classes.classes[0].distance - 1.087) < 1e-7)
        var withSelf = Self.small
        withSelf.selfInteraction = true
        let selfClasses = DistanceClasses(try Molecule(named: "methane"), configuration: withSelf)
        #expect(selfClasses.classes.map(\.pairs.count) == [5, 8, 12])
        #expect(selfClasses.classes[0].distance == 0)
    }

    /// Benzene's classes: C–H, C–C ortho, and the others by symmetry (10 distances).
    @Test func benzeneClassesFollowItsSymmetry() throws {
        let classes = DistanceClasses(try Molecule(named: "benzene"), configuration: Self.small)
        #expect(classes.count == 10)
        #expect(classes.classes.reduce(0) { $0 + $1.pairs.count } == 132)
    }

    /// Block (f, f) of Wᵀ is the n × n matrix W_f(d_c(ij)), d_c(ij) the distance of the pair's class,
    /// within 10⁻⁶ Å of d_ij; on methane, whose classes are exact by symmetry, Wᵀ x is the cfconv itself.
    @Test(arguments: ["ethanol", "methane"])
    func matrixIsTheCfconv(_ name: String) throws {
        let model = try SchNetModel(configuration: Self.small, seed: 2)
        let molecule = try Molecule(named: name)
        let cfconv = try CFConvMatrix(model: model, molecule: molecule, interaction: 1)
        let (n, features) = (molecule.count, 3)
        #expect(cfconv.tied.rows == n * features && cfconv.tied.parameters.count == features * cfconv.classes.count)
        let dense = cfconv.tied.dense(parameters: cfconv.values)
        var classDistance = Matrix(rows: n, columns: n)
        for group in cfconv.classes.classes {
            for (i, j) in group.pairs {
                #expect(abs(molecule.distance(i, j) - group.distance) <= DistanceClasses.tolerance)
                classDistance[i, j] = group.distance
            }
        }
        for f in 0..<features {
            let block = cfconv.featureMatrix(f)
            for i in 0..<n {
                #expect(block[i, i] == 0)
                for j in 0..<n where j != i {
                    let expected = model.filterValues(at: [classDistance[i, j]], interaction: 1)[0, f]
                    #expect(abs(block[i, j] - expected) <= Self.batchRounding(model))
                    #expect(dense[f * n + i, f * n + j] == block[i, j])
                }
            }
        }
        guard name == "methane" else { return }
        var generator = SplitMix64(seed: 4)
        let x = Matrix(rows: n, columns: features, columnMajor: (0..<(n * features)).map { _ in generator.nextSymmetric(bound: 1) })
        let pairs = PairList(positions: molecule.positions, configuration: Self.small)
        let expected = ContinuousFilterConvolution.forward(x, filters: model.filters(molecule, interaction: 1).values, pairs: pairs)
        // x as a flat (F, n) vector is exactly the column-major n × F storage.
        let y = dense.multiply(x.storage)
        for k in y.indices { #expect(abs(y[k] - expected.storage[k]) < 1e-12) }
    }

    /// The same filter computed in a batch of another size: dgemm may sum in another
    /// order, so the two differ by up to 2 (n_rbf + F) u (values and weights of order one).
    static func batchRounding(_ model: SchNetModel) -> Double {
        2 * Double(model.configuration.rbfCount + model.configuration.features) * Double.ulpOfOne / 2
    }

    /// In the positions order block (i, j) is diag(W(d_ij)): F × F and diagonal.
    @Test func positionsOrderShowsDiagonalBlocks() throws {
        let model = try SchNetModel(configuration: Self.small, seed: 2)
        let cfconv = try CFConvMatrix(model: model, molecule: try Molecule(named: "water"))
        let view = try cfconv.view(order: .positions)
        #expect(view.tied.rows == 9 && view.tied.rowBlockSize == 3)
        for r in 0..<9 {
            for c in 0..<9 {
                let entries = view.tied.terms(row: r, column: c)
                if r / 3 == c / 3 || r % 3 != c % 3 { #expect(entries.isEmpty, "\(r) \(c)") } else { #expect(entries.count == 1) }
            }
        }
    }

    /// Text, LaTeX and SVG print it in both orders, naming the classes W_{ff}^{c}.
    @Test(arguments: UnitOrder.allCases)
    func renderersPrintIt(_ order: UnitOrder) throws {
        let model = try SchNetModel(configuration: Self.small, seed: 2)
        let cfconv = try CFConvMatrix(model: model, molecule: try Molecule(named: "methane"))
        let view = try cfconv.view(order: order)
        let latex = try LatexRenderer().render(view)
        #expect(latex.contains("W_{11}^{1}") && latex.contains("W_{33}^{2}") && !latex.contains("W_{11}^{3}"))
        let text = try MatrixTextRenderer().render(view)
        #expect(text.contains("W"))
        let numeric = try MatrixTextRenderer(entries: .numeric).render(view, values: cfconv.values)
        #expect(!numeric.isEmpty)
        let svg = try SvgRenderer().render(view.tied)
        #expect(svg.hasPrefix("<svg") || svg.contains("<svg"))
    }
}

/// The cfconv on a molecule as a Layer: the checker holds its matrix against the plain-loop reference.
@Suite struct CFConvLayerTests {
    @Test(arguments: [("methane", false, nil), ("ethanol", true, nil), ("benzene", false, 2.5)] as [(String, Bool, Double?)])
    func checkerPassesOnTheCfconvLayer(_ name: String, selfInteraction: Bool, cutoff: Double?) throws {
        let configuration = SchNetConfiguration(features: 3, rbfCount: 30, cutoff: cutoff, selfInteraction: selfInteraction, interactions: 1)
        let model = try SchNetModel(configuration: configuration, seed: 6)
        let molecule = try Molecule(named: name)
        let layer = try CFConvLayer(configuration: configuration, molecule: molecule)
        let weights = layer.weights(model: model)
        let report = try Checker(layer: layer, seed: 1, weights: weights).run()
        #expect(report.passed, "\(report.failures.map(\.note))")
        #expect(report.checks.filter { $0.ran }.count >= 3)
        let matrix = try CFConvMatrix(model: model, molecule: molecule)
        #expect(layer.matrixForm().tied.terms == matrix.tied.terms)
        #expect(weights.weight == matrix.values)
        #expect(layer.specDescription.hasPrefix("CFConv(3, n_rbf=30, gamma=10.0"))
    }
}

/// `CFConv(n_features, n_rbf=300, gamma=10.0, spacing=0.1, cutoff=None, self_interaction=False)` on a molecule.
@Suite struct CFConvSpecTests {
    @Test func specsBindByPythonsRules() throws {
        let water = try Molecule(named: "water")
        let layer = try CFConvLayer(parsing: "CFConv(8, cutoff=3.0, self_interaction=True)", molecule: water)
        #expect(layer.input == TensorShape(channels: 8, spatial: [3]))
        #expect(layer.configuration.cutoff == 3.0 && layer.configuration.selfInteraction && layer.configuration.rbfCount == 300)
        #expect(layer.specDescription == "CFConv(8, n_rbf=300, gamma=10.0, spacing=0.1, cutoff=3.0, self_interaction=True)")
        let again = try CFConvLayer(parsing: layer.specDescription, molecule: water)
        #expect(again.configuration == layer.configuration)
    }

    @Test(arguments: [
        ("Conv1d(1, 1, 3)", "layer"), ("CFConv()", "n_features"), ("CFConv(0)", "n_features"), ("CFConv(4, gamma=0)", "gamma"),
        ("CFConv(4, gama=1.0)", "gama"), ("CFConv(4, cutoff='x')", "cutoff"), ("CFConv(4", "spec"),
    ])
    func badSpecsNameTheirField(_ text: String, _ field: String) throws {
        let water = try Molecule(named: "water")
        #expect {
            _ = try CFConvLayer(parsing: text, molecule: water)
        } throws: { ($0 as? ConvMatrixError)?.field == field }
    }
}

/// The matrix on the first K features is the full matrix restricted to their units.
@Suite struct CFConvMatrixLimitTests {
    @Test func firstFeaturesAreTheLeadingBlock() throws {
        let model = try SchNetModel(configuration: SchNetConfiguration(features: 5, rbfCount: 30, interactions: 1), seed: 2)
        let molecule = try Molecule(named: "ammonia")
        let full = try CFConvMatrix(model: model, molecule: molecule)
        let part = try CFConvMatrix(model: model, molecule: molecule, featureLimit: 2)
        let (a, b) = (full.tied.dense(parameters: full.values), part.tied.dense(parameters: part.values))
        #expect(b.rows == 8 && b.columns == 8)
        for r in 0..<8 {
            for c in 0..<8 { #expect(a[r, c] == b[r, c]) }
        }
    }
}
