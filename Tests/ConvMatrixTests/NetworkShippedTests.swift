import Foundation
import Testing

@testable import ConvMatrix

/// The networks compiled into the binary: the same text as networks/, and each parses and chains.
@Suite struct NetworkShippedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder networks/ holds exactly the shipped networks, each with the compiled text.
    @Test func theCompiledCopiesAgreeWithTheFiles() throws {
        let folder = Self.root.appendingPathComponent("networks")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".net") }.sorted()
        #expect(files == ShippedNetworks.all.map { $0.name + ".net" }.sorted())
        for network in ShippedNetworks.all {
            let text = try String(contentsOf: folder.appendingPathComponent(network.name + ".net"), encoding: .utf8)
            #expect(text == network.text, "\(network.name): run scripts/shipped_networks.py")
        }
    }

    /// Each parses, chains, and has a one-line summary.
    @Test(arguments: ShippedNetworks.all.map(\.name))
    func eachParsesAndChains(_ name: String) throws {
        let shipped = try #require(ShippedNetworks.named(name))
        let network = try Network(parsing: shipped.text, name: name)
        #expect(!network.layers.isEmpty)
        #expect(!shipped.summary.isEmpty && !shipped.summary.contains("\n"))
        for node in network.nodes.indices.dropFirst() { #expect(network.nodes[node].input == network.nodes[node - 1].output) }
    }

    @Test func lenetHasThePapersLayers() throws {
        let network = try Network(parsing: try #require(ShippedNetworks.named("lenet1989")).text, name: "lenet1989")
        let names = network.layers.map(\.name).filter { !$0.hasPrefix("ScaledTanh") && !$0.hasPrefix("Flatten") }
        #expect(names == ["H1", "H2", "H3", "output"])
        #expect(network.layers.filter { $0.layer is Activation }.count == 4)
        #expect(network.output == TensorShape(channels: 10, spatial: []))
    }

    /// φ_struct gives one feature vector length whatever the sequence length.
    @Test(arguments: ["4x5", "4x12", "4x40"])
    func theStringKernelGivesOneLengthForAnySequence(_ input: String) throws {
        let shipped = try #require(ShippedNetworks.named("dna-string-kernel"))
        let network = try Network(parsing: shipped.text, name: shipped.name, input: TensorShape(parsing: input))
        #expect(network.input == (try TensorShape(parsing: input)))
        #expect(network.output == TensorShape(channels: 8, spatial: []))
    }

    /// AlexNet's count beside the paper's "60 million parameters and 650,000 neurons".
    @Test func alexnetCountsSixtyMillionParameters() throws {
        let network = try Network(parsing: try #require(ShippedNetworks.named("alexnet")).text, name: "alexnet")
        let count = try NetworkCount(network, budget: MemoryBudget(limitBytes: 1 << 30))
        // conv1 96·3·121 + 96, conv2 256·48·25 + 256, conv3 384·256·9 + 384, conv4 384·192·9 + 384,
        // conv5 256·192·9 + 256, fc6 4096·9216 + 4096, fc7 4096·4096 + 4096, fc8 1000·4096 + 1000.
        let parameters = [34_944, 307_456, 885_120, 663_936, 442_624, 37_752_832, 16_781_312, 4_097_000]
        #expect(count.freeParameters == parameters.reduce(0, +))
        #expect(count.freeParameters == 60_965_224)
        // 96·55² + 256·27² + 384·13² + 384·13² + 256·13² + 4096 + 4096 + 1000.
        #expect(count.parametrisedUnits == 290_400 + 186_624 + 64_896 + 64_896 + 43_264 + 4_096 + 4_096 + 1_000)
    }
}
