import Foundation
import Testing

@testable import ConvMatrix

/// `show NETWORK --product`: the network's matrix, held to its layers' matrices
/// multiplied out by hand, to the forward pass (linear) and to central
/// differences of the forward pass (nonlinear).
@Suite struct NetworkProductTests {
    /// Linear all through: the receptive-field tests' chain, Residuals and Concat, then flattened into a Linear.
    static let linear = NetworkReceptiveFieldTests.linear + "\nFlatten()\nout: Linear(18, 5)\n"

    private func dense(_ name: String, _ network: Network, _ weights: NetworkWeights) throws -> Matrix {
        let layer = try #require(network.layer(named: name))
        return try MaterialisedLayer(layer.layer, weights: weights.weights(for: layer)).matrix
    }

    private func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for k in 0..<n { m[k, k] = 1 }
        return m
    }

    private func added(_ a: Matrix, _ b: Matrix) -> Matrix {
        Matrix(rows: a.rows, columns: a.columns, columnMajor: zip(a.storage, b.storage).map { $0 + $1 })
    }

    private func largestDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    /// P = out · Flatten · [a; b] · (I + g) · (s + f) · c1, each factor materialised alone.
    @Test func linearProductIsItsLayersMultipliedOut() throws {
        let network = try Network(parsing: Self.linear, name: "linear")
        let weights = NetworkWeights.pytorchDefault(for: network, seed: 7)
        let product = try MaterialisedNetwork(network, weights: weights).product(at: nil)
        let m = { (name: String) throws -> Matrix in try self.dense(name, network, weights) }
        let concat = try m("c.branch_1.a"), pool = try m("c.branch_2.b")
        var stacked = Matrix(rows: concat.rows + pool.rows, columns: concat.columns)
        for c in 0..<concat.columns {
            for r in 0..<concat.rows { stacked[r, c] = concat[r, c] }
            for r in 0..<pool.rows { stacked[concat.rows + r, c] = pool[r, c] }
        }
        let chain = [try m("c1"), added(try m("r.shortcut.s"), try m("r.f")), added(identity(4 * 3), try m("i.g")), stacked, try m("Flatten_1"), try m("out")]
        let expected = chain.dropFirst().reduce(chain[0]) { $1.multiply($0) }
        #expect(product.point == nil)
        #expect(product.matrix.rows == 5 && product.matrix.columns == 12)
        #expect(largestDifference(product.matrix.storage, expected.storage) < 1e-12)
    }

    /// y = P x + c on random x, c = y(0): the product is the linear network's forward pass.
    @Test func linearProductIsTheForwardPass() throws {
        let network = try Network(parsing: Self.linear, name: "linear")
        let materialised = try MaterialisedNetwork(network, weights: .pytorchDefault(for: network, seed: 3))
        let product = try materialised.product(at: nil)
        let constant = try #require(product.constant)
        for seed in 1...4 as ClosedRange<UInt64> {
            let x = network.drawInput(seed: seed)
            let affine = zip(product.matrix.multiply(x), constant).map { $0 + $1 }
            #expect(largestDifference(affine, materialised.forward(x)) < 1e-12)
        }
    }

    /// J(x)[:, j] ≈ (y(x + h e_j) − y(x − h e_j)) / 2h, with the truncation error
    /// h²/6 · f‴ far below the tolerance for a smooth network (lenet1989, scaled tanh).
    @Test func nonlinearProductIsTheFiniteDifferenceJacobian() throws {
        let network = try Network(named: "lenet1989")
        let materialised = try MaterialisedNetwork(network, weights: .pytorchDefault(for: network, seed: 0))
        let x = network.drawInput(seed: 1)
        let jacobian = try materialised.product(at: x).matrix
        let h = 1e-5
        var worst = 0.0
        for j in 0..<x.count {
            var plus = x, minus = x
            plus[j] += h
            minus[j] -= h
            let column = zip(materialised.forward(plus), materialised.forward(minus)).map { ($0 - $1) / (2 * h) }
            worst = max(worst, largestDifference(column, jacobian.column(j)))
        }
        let scale = jacobian.storage.map(abs).max() ?? 1
        #expect(scale > 0)
        #expect(worst < 1e-6 * scale)
    }

    /// xception-block: S + MaxPool′ · (M ⊗ I) · blockdiag(dw); piecewise linear, so a
    /// difference step inside x's linear piece (below every kink distance) is exact.
    @Test func separableProductIsItsMatricesAndTheFiniteDifferences() throws {
        let network = try Network(named: "xception-block")
        let weights = NetworkWeights.pytorchDefault(for: network, seed: 5)
        let materialised = try MaterialisedNetwork(network, weights: weights)
        let x = network.drawInput(seed: 2)
        let product = try materialised.product(at: x).matrix
        let pool = try #require(network.layer(named: "block.MaxPool2d_1"))
        let poolInput = try #require(materialised.trace(x).inputs[pool.name])
        let poolJacobian = try materialised.jacobian(pool, at: poolInput).matrix
        let branch = poolJacobian.multiply(try dense("block.pointwise", network, weights).multiply(try dense("block.depthwise", network, weights)))
        let expected = added(branch, try dense("block.shortcut.projection", network, weights))
        #expect(largestDifference(product.storage, expected.storage) < 1e-12)

        let nonlinear = try #require(pool.layer as? any InputDependentLayer)
        let kink = try #require(nonlinear.nearestKink(to: poolInput))
        #expect(kink.distance > 0)
        let h = min(1e-3, kink.distance / 10)
        var worst = 0.0
        for j in 0..<x.count {
            var plus = x, minus = x
            plus[j] += h
            minus[j] -= h
            let column = zip(materialised.forward(plus), materialised.forward(minus)).map { ($0 - $1) / (2 * h) }
            worst = max(worst, largestDifference(column, product.column(j)))
        }
        #expect(worst < 1e-9)
    }

    /// Depthwise 4·(1·3·3) + 4 = 40, pointwise 8·4 + 8 = 40; the full Conv2d(4, 8, 3) 8·4·3·3 + 8 = 296.
    @Test func xceptionsSavingIsCountedFromTheShapes() throws {
        let savings = SeparableSaving.find(in: try Network(named: "xception-block"))
        #expect(savings.count == 1)
        let saving = try #require(savings.first)
        #expect(saving.depthwise == "block.depthwise" && saving.pointwise == "block.pointwise")
        #expect(saving.parameters == (4 * 9 + 4) + (8 * 4 + 8))
        #expect(saving.fullParameters == 8 * 4 * 9 + 8)
        #expect(saving.fullSpec == "Conv2d(4, 8, kernel_size=3, padding=1)")
        #expect(SeparableSaving.find(in: try Network(named: "lenet1989")).isEmpty)
    }

    /// The guard's estimate grows with the chain: 2·out·in·n flops a layer.
    @Test func estimateCountsEveryLayersProduct() throws {
        let network = try Network(parsing: Self.linear, name: "linear")
        let n = Double(network.input.count)
        let expected = network.layers.reduce(0.0) { $0 + 2 * Double($1.layer.output.count * $1.layer.input.count) * n }
        #expect(NetworkProduct.estimate(network).work == expected)
    }
}
