import Testing

@testable import ConvMatrix

/// The receptive fields of a network's output units, held to computations that
/// share none of their code: the nonzero pattern of the network's matrix with
/// random weights (no cancellation happens but on a set of measure zero), the
/// patterns of the layers' dense matrices multiplied out, and windows derived
/// by hand from the geometry.
@Suite struct NetworkReceptiveFieldTests {
    /// Linear all through: a padded chain, a Residual with a strided projection, one without, a Concat.
    static let linear = """
        input 2x6
        c1: Conv1d(2, 3, 3, padding=1, padding_mode='constant', padding_value=-1)
        r: Residual:
          f: Conv1d(3, 4, 3, stride=2, padding=1)
          shortcut:
            s: Conv1d(3, 4, 1, stride=2)
        i: Residual:
          g: Conv1d(4, 4, 3, padding=1)
        c: Concat:
          branch:
            a: Conv1d(4, 2, 3, padding=1)
          branch:
            b: AvgPool1d(3, stride=1, padding=1)
        """

    /// Row u's nonzero columns of `m`.
    private func support(_ m: Matrix, row u: Int) -> [Int] {
        (0..<m.columns).filter { m[u, $0] != 0 }
    }

    private func field(_ text: String) throws -> (Network, NetworkReceptiveField) {
        let network = try Network(parsing: text, name: "test")
        return (network, try NetworkReceptiveField(network))
    }

    private func tensor(_ name: String, in field: NetworkReceptiveField) throws -> NetworkReceptiveField.Tensor {
        try #require(field.tensors.first { $0.name == name })
    }

    /// x's fields are the rows' supports of the product P, Residual and Concat included.
    @Test func linearNetworkFieldsAreTheSupportsOfItsProduct() throws {
        let (network, field) = try field(Self.linear)
        let product = try MaterialisedNetwork(network, weights: .pytorchDefault(for: network, seed: 11)).product(at: nil).matrix
        let x = try tensor("x", in: field)
        #expect(x.fields.count == network.output.count)
        for u in 0..<network.output.count { #expect(x.fields[u] == support(product, row: u), "output unit \(u)") }
        #expect(field.tensors.map(\.name) == ["x", "c1", "r.f", "r.shortcut.s", "i.g", "c.branch_1.a", "c.branch_2.b", "y"])
        #expect(field.output.fields == (0..<network.output.count).map { [$0] })
    }

    /// In a plain chain, the field in layer k's output is the support of M_n ⋯ M_{k+1}, dense and numeric.
    @Test func chainFieldsAreTheSupportsOfTheLaterLayersProducts() throws {
        let text = "input 2x9\nc1: Conv1d(2, 3, 3, stride=2, padding=1)\nc2: Conv1d(3, 2, 2, dilation=2)\nflat: Flatten()\nout: Linear(6, 2)"
        let (network, field) = try field(text)
        let weights = NetworkWeights.pytorchDefault(for: network, seed: 4)
        let matrices = try network.layers.map { try MaterialisedLayer($0.layer, weights: weights.weights(for: $0)).matrix }
        for (k, layer) in network.layers.enumerated() {
            let later = matrices[(k + 1)...].reversed().reduce(nil as Matrix?) { running, m in running.map { $0.multiply(m) } ?? m }
            let recorded = try tensor(layer.name, in: field)
            for u in 0..<network.output.count {
                let expected = later.map { support($0, row: u) } ?? [u]
                #expect(recorded.fields[u] == expected, "\(layer.name), output unit \(u)")
            }
        }
        #expect(field.output.name == "out")
    }

    /// lenet1989's tanh has no zero slope: the fields in x are the supports of its Jacobian at a random x.
    @Test func smoothNetworkFieldsAreTheSupportsOfItsJacobian() throws {
        let network = try Network(named: "lenet1989")
        let field = try NetworkReceptiveField(network)
        let materialised = try MaterialisedNetwork(network, weights: .pytorchDefault(for: network, seed: 2))
        let jacobian = try materialised.product(at: network.drawInput(seed: 5)).matrix
        let x = try tensor("x", in: field)
        for u in 0..<network.output.count { #expect(x.fields[u] == support(jacobian, row: u)) }
        #expect(x.fields.allSatisfy { $0.count == 256 })  // every output unit reads every pixel through H3
        #expect(try tensor("H1", in: field).fields[0].count == 12 * 8 * 8)
    }

    /// 5 × 5 windows (clipped to 0..<n) on every channel, as two 3 × 3 padded convolutions give.
    private func window(_ i: Int, _ j: Int, radius: Int, channels: Int, size n: Int) -> [Int] {
        var units: [Int] = []
        for c in 0..<channels {
            for a in max(0, i - radius)...min(n - 1, i + radius) {
                for b in max(0, j - radius)...min(n - 1, j + radius) { units.append(c * n * n + a * n + b) }
            }
        }
        return units
    }

    /// resnet-basic-block: x + F(x), F two 3 × 3 convolutions with a ReLU: a 5 × 5 window on all maps, whatever ReLU's slopes.
    @Test func residualBlockFieldIsTheUnionOfBodyAndShortcut() throws {
        let field = try NetworkReceptiveField(try Network(named: "resnet-basic-block"))
        let x = try tensor("x", in: field), conv1 = try tensor("block.conv1", in: field)
        for u in [0, 7, 21, 36 + 14, 143] {
            let (i, j) = ((u % 36) / 6, u % 6)
            #expect(x.fields[u] == window(i, j, radius: 2, channels: 4, size: 6), "unit \(u)")
            #expect(conv1.fields[u] == window(i, j, radius: 1, channels: 4, size: 6), "unit \(u)")
        }
    }

    /// inception-module: each branch's own window on all 8 input maps (1×1, 3×3, 5×5, the pool's 3×3).
    @Test func concatFieldsFollowEachBranch() throws {
        let field = try NetworkReceptiveField(try Network(named: "inception-module"))
        let x = try tensor("x", in: field)
        let radii = [(0..<4, 0), (4..<10, 1), (10..<13, 2), (13..<16, 1)]
        for (channels, radius) in radii {
            for u in [channels.lowerBound * 36, channels.lowerBound * 36 + 15, channels.upperBound * 36 - 1] {
                let (i, j) = ((u % 36) / 6, u % 6)
                #expect(x.fields[u] == window(i, j, radius: radius, channels: 8, size: 6), "unit \(u)")
            }
        }
        let reduce = try tensor("inception.b5.reduce", in: field)
        #expect(reduce.fields[0].isEmpty)  // b1's unit reads nothing of b5
        #expect(reduce.fields[36 * 10] == window(0, 0, radius: 2, channels: 2, size: 6))
        #expect(try tensor("inception.b1.Conv2d_1", in: field).fields[36 * 10].isEmpty)  // b5's unit reads nothing of b1
    }

    /// xception-block: a strided max pool's whole window (not one arg-max), through a depthwise 3 × 3, with a strided shortcut.
    @Test func stridedPaddedPoolingFieldIsItsWholeWindow() throws {
        let field = try NetworkReceptiveField(try Network(named: "xception-block"))
        let x = try tensor("x", in: field), depthwise = try tensor("block.depthwise", in: field)
        for u in [0, 5, 16 + 10, 127] {
            let (i, j) = ((u % 16) / 4, u % 4)
            var expected: [Int] = [], inner: [Int] = []
            for c in 0..<4 {
                for a in max(0, 2 * i - 2)...min(7, 2 * i + 2) { for b in max(0, 2 * j - 2)...min(7, 2 * j + 2) { expected.append(c * 64 + a * 8 + b) } }
                for a in max(0, 2 * i - 1)...min(7, 2 * i + 1) { for b in max(0, 2 * j - 1)...min(7, 2 * j + 1) { inner.append(c * 64 + a * 8 + b) } }
            }
            #expect(x.fields[u] == expected, "unit \(u)")
            #expect(depthwise.fields[u] == inner, "unit \(u)")
            #expect(try tensor("block.shortcut.projection", in: field).fields[u] == [u])
        }
        #expect(field.output.name == "y")
    }

    /// AlexNet's 1,000 output units over its 227 × 227 × 3 input and every layer: refused before anything is built.
    @Test func alexnetIsRefusedOnView() throws {
        let network = try Network(named: "alexnet")
        #expect(NetworkReceptiveField.estimate(network).pairs > NetworkReceptiveField.pairLimit)
        let error = try #require(throws: ConvMatrixError.self) { try NetworkReceptiveField(network) }
        #expect(error.kind == .budget && error.field == "view")
        #expect(error.reason.contains("alexnet") && !error.description.contains("\n"))
    }

    /// A tight memory budget refuses a network the limits admit, on max-memory.
    @Test func memoryBudgetIsHonoured() throws {
        let network = try Network(named: "lenet1989")
        let error = try #require(throws: ConvMatrixError.self) { try NetworkReceptiveField(network, budget: MemoryBudget(limitBytes: 1000)) }
        #expect(error.field == "max-memory")
    }
}
