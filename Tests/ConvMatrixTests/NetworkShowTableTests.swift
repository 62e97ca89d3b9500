import Foundation
import Testing

@testable import ConvMatrix

/// `show NETWORK`'s table: counts from the terms, or from the geometry, which agree.
@Suite struct NetworkShowTableTests {
    /// H1: 12 maps, each row of a map reading the 5×5 window's taps on real units:
    /// per dimension (n = 16, k = 5, s = 2, p = 2, 8 outputs) 3 + 5·6 + 4 = 37, so 12·37² = 16,428.
    @Test func lenetsTableHasItsShapesAndCounts() throws {
        let table = try NetworkShowTable(Network(named: "lenet1989"))
        let h1 = try #require(table.layers.first)
        #expect(h1.name == "H1" && h1.rows == 12 * 8 * 8 && h1.columns == 16 * 16)
        #expect(h1.nonzeros == 12 * 37 * 37)
        #expect(h1.parameters == 12 * 25 + 12 * 64)
        #expect(table.layers.map(\.name) == ["H1", "ScaledTanh_1", "H2", "ScaledTanh_2", "Flatten_1", "H3", "ScaledTanh_3", "output", "ScaledTanh_4"])
        #expect(table.parameters == 9_760)
    }

    static let geometries: [(String, String)] = [
        ("Conv2d(4, 6, 5, padding=2, groups=2)", "4x9x9"),
        ("Conv2d(2, 3, 3, stride=2, dilation=2, padding=3)", "2x9x8"),
        ("Conv1d(2, 2, 4, stride=3, padding=((1, 2),), padding_mode='constant', padding_value=0.5)", "2x11"),
        ("Conv2d(12, 12, 5, stride=2, padding=2, connections=[[0, 1], [2], [3, 4, 5], [6], [7], [8], [9], [10], [11], [0], [1], [2]])", "12x8x8"),
        ("Linear(6, 3)", "2x6"),
        ("MaxPool2d(3, stride=2, padding=1)", "2x7x7"),
    ]

    /// The geometric rule gives the terms' structural nonzeros, on every kind it covers.
    @Test(arguments: geometries) func geometryAgreesWithTheTerms(_ spec: String, _ input: String) throws {
        let layer = try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
        let geometric = try #require(layer.geometricNonzeroCount)
        #expect(geometric == layer.matrixForm().tied.nonzeroCount)
    }

    /// …and on every layer of the shipped networks that fit (an activation's: its support).
    @Test(arguments: ["lenet1989", "resnet-basic-block", "inception-module", "xception-block", "dna-string-kernel"])
    func shippedLayersAgree(_ name: String) throws {
        for layer in try Network(named: name).layers {
            guard let geometric = layer.layer.geometricNonzeroCount else { continue }
            let tied = layer.layer.matrixForm().tied
            if layer.layer.isInputDependent {
                #expect(geometric >= tied.nonzeroCount, "\(name).\(layer.name)")
            } else {
                #expect(geometric == tied.nonzeroCount, "\(name).\(layer.name)")
            }
        }
    }

    /// AlexNet's table is counted from the geometry, without a term: conv1 holds
    /// 290,400 rows of 3·11·11 = 363 taps (no padding), 60,965,224 parameters in all.
    @Test func alexnetIsCountedFromTheGeometry() throws {
        let table = try NetworkShowTable(Network(named: "alexnet"))
        let conv1 = try #require(table.layers.first)
        #expect(conv1.source == .geometry)
        #expect(conv1.rows == 96 * 55 * 55 && conv1.columns == 3 * 227 * 227 && conv1.nonzeros == 96 * 55 * 55 * 363)
        #expect(table.parameters == 60_965_224)
    }

    /// One layer's own draw is the one the whole network's draw gives it.
    @Test func oneLayersDrawIsTheNetworksDraw() throws {
        let network = try Network(named: "resnet-basic-block")
        for integers in [false, true] {
            let all: NetworkWeights = integers ? .integers(for: network, seed: 9) : .pytorchDefault(for: network, seed: 9)
            for layer in network.layers {
                let alone = NetworkWeights.drawn(for: layer, in: network, seed: 9, integers: integers)
                #expect(alone.weight == all.weights(for: layer).weight && alone.bias == all.weights(for: layer).bias)
            }
        }
    }

    /// The chain: well-formed SVG with one `<g class="layer">` per layer, in order.
    @Test func chainHasOnePanelPerLayer() throws {
        let network = try Network(named: "lenet1989")
        let links = network.layers.map { SvgNetworkChain.Link(name: $0.name, tied: $0.layer.matrixForm().tied) }
        let svg = try ParsedSvg(SvgNetworkChain(style: .spy).render(links, title: "lenet1989"))
        let panels = svg.elements("g").filter { $0.attributes["class"] == "layer" }
        #expect(panels.map { $0.attributes["data-name"] ?? "" } == network.layers.map(\.name))
    }
}
