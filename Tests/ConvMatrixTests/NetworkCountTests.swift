import Testing

@testable import ConvMatrix

/// LeCun et al. 1989's table, reproduced from the matrices of lenet1989, and the
/// matrix counts held to the geometric ones.
@Suite struct NetworkCountTests {
    static func lenet() throws -> Network {
        let shipped = try #require(ShippedNetworks.named("lenet1989"))
        return try Network(parsing: shipped.text, name: shipped.name)
    }

    /// Each row from the architecture:
    /// H1: 12 maps of 8×8 = 768 units; each reads a 5×5 window of the extended
    ///     input (25 taps) plus its own bias: 768 · 26 = 19,968 connections;
    ///     12 kernels of 25 + 768 untied biases = 1,068 free parameters.
    /// H2: 12 maps of 4×4 = 192 units; each reads 8 maps · 25 taps + a bias:
    ///     192 · 201 = 38,592; 12 · 8 · 25 + 192 = 2,592.
    /// H3: 30 units fully connected to H2's 192 + a bias: 30 · 193 = 5,790, all free.
    /// output: 10 units on H3's 30 + a bias: 10 · 31 = 310, all free.
    @Test func lenetReproducesThePapersTable() throws {
        let count = try NetworkCount(Self.lenet())
        let rows: [[Int]] = count.layers.map { [$0.units, $0.connections, $0.freeParameters] }
        let h1Units = 12 * 8 * 8, h2Units = 12 * 4 * 4
        let derived: [[Int]] = [
            [h1Units, h1Units * (5 * 5 + 1), 12 * 5 * 5 + h1Units],
            [h2Units, h2Units * (8 * 5 * 5 + 1), 12 * 8 * 5 * 5 + h2Units],
            [30, 30 * (192 + 1), 30 * (192 + 1)],
            [10, 10 * (30 + 1), 10 * (30 + 1)],
        ]
        #expect(count.layers.map(\.name) == ["H1", "H2", "H3", "output"])
        #expect(rows == derived)
        #expect(rows.map { $0[0] } == [768, 192, 30, 10])
        #expect(rows.map { $0[1] } == [19_968, 38_592, 5_790, 310])
        #expect(rows.map { $0[2] } == [1_068, 2_592, 5_790, 310])
        #expect(count.sources == Array(repeating: NetworkCount.Source.matrix, count: 4))
    }

    /// Totals: 1,000 units, 1,256 with the 16·16 inputs; 64,660 connections; 9,760 free parameters.
    @Test func lenetTotalsAreThePapers() throws {
        let count = try NetworkCount(Self.lenet())
        #expect(count.inputUnits == 16 * 16)
        let units: Int = 768 + 192 + 30 + 10
        #expect(count.units == units)
        #expect(count.unitsWithInput == 1_256)
        #expect(count.parametrisedUnits == 1_000)
        #expect(count.connections == 64_660)
        #expect(count.freeParameters == 9_760)
    }

    /// The counts do not depend on H2's connection table: any 8 maps per output map give the same.
    @Test func h2sCountDoesNotDependOnItsTable() throws {
        func written(_ table: [[Int]]) -> String {
            "[" + table.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
        let shifted = (0..<12).map { j in (0..<8).map { (j + $0) % 12 }.sorted() }
        let shipped = try #require(ShippedNetworks.named("lenet1989")).text
        #expect(shipped.contains(written(LeNet.table)))
        let other = try Network(parsing: shipped.replacingOccurrences(of: written(LeNet.table), with: written(shifted)), name: "shifted")
        #expect(try NetworkCount(other).layers.map(\.connections) == NetworkCount(Self.lenet()).layers.map(\.connections))
        #expect(try #require(other.layer(named: "H2")).layer.specDescription != (try Self.lenet().layer(named: "H2"))?.layer.specDescription)
    }

    /// Every layer that has a geometric rule counts the same from its matrix.
    @Test(arguments: ["lenet1989", "resnet-basic-block", "dna-string-kernel"])
    func matrixCountsEqualGeometricCounts(_ name: String) throws {
        let shipped = try #require(ShippedNetworks.named(name))
        let network = try Network(parsing: shipped.text, name: name)
        for layer in network.layers where LayerCount.hasConnections(layer.layer) {
            #expect(LayerCount.fromMatrix(layer) == LayerCount.fromGeometry(layer), "\(layer.name)")
        }
    }

    /// Zero padding, groups, pooling with padding and a Linear on positions: both counts agree.
    @Test func matrixCountsEqualGeometricCountsOnOtherKinds() throws {
        let text = """
            input 4x7x7
            Conv2d(4, 6, 3, padding=1, groups=2)
            AvgPool2d(3, stride=2, padding=1)
            SumPool2d(2)
            Conv2d(6, 2, 2, bias=False, dilation=1)
            Linear(1, 3)
            """
        let network = try Network(parsing: text, name: "kinds")
        for layer in network.layers {
            #expect(LayerCount.fromMatrix(layer) == LayerCount.fromGeometry(layer), "\(layer.name)")
        }
    }

    /// A layer too large for its terms is counted from its geometry, without building them.
    @Test func aLayerThatDoesNotFitIsCountedFromItsGeometry() throws {
        let network = try Network(parsing: "input 3x227x227\nconv1: Conv2d(3, 96, 11, stride=4)", name: "big")
        let count = try NetworkCount(network, budget: MemoryBudget(limitBytes: 1 << 20))
        #expect(count.sources == [NetworkCount.Source.geometry])
        // 96 maps of 55×55 (55 = (227 − 11) / 4 + 1), each unit 3·11·11 taps + a bias.
        #expect(count.layers[0].units == 96 * 55 * 55)
        #expect(count.layers[0].connections == 96 * 55 * 55 * (3 * 11 * 11 + 1))
        #expect(count.layers[0].freeParameters == 96 * 3 * 11 * 11 + 96)
    }
}
