import Testing

@testable import ConvMatrix

/// The library's one dense-or-compressed rule (``LayerPasses``) and the two forms' passes.
@Suite struct LayerPassesTests {
    static func layer(_ spec: String, _ input: String) throws -> any Layer {
        try LayerRegistry.layer(parsing: spec, input: TensorShape(parsing: input))
    }

    /// LeNet's H1 (8.4 % nonzero) runs dense when built once, compressed when it
    /// trains; a 1×1 convolution on a 6×6 map (1/36) is compressed either way; a
    /// fully connected layer is dense either way; AlexNet's conv1 is compressed by
    /// the term limit, decided without building it.
    @Test func theRulePicksByDensityAndUse() throws {
        let h1 = try #require(try Network(named: "lenet1989").layer(named: "H1")).layer
        #expect(!LayerPasses.prefersCompressed(h1, use: .builtOnce))
        #expect(LayerPasses.prefersCompressed(h1, use: .updatedEveryStep))
        let pointwise = try Self.layer("Conv2d(4, 4, 1)", "4x6x6")
        #expect(LayerPasses.prefersCompressed(pointwise, use: .builtOnce))
        let full = try Self.layer("Linear(30, 10)", "30")
        #expect(!LayerPasses.prefersCompressed(full, use: .builtOnce) && !LayerPasses.prefersCompressed(full, use: .updatedEveryStep))
        let conv1 = try #require(try Network(named: "alexnet").layer(named: "conv1")).layer
        #expect(LayerPasses.prefersCompressed(conv1, use: .builtOnce))
        #expect(LayerPasses.estimatedBytes(conv1, use: .builtOnce) == CompressedMatrixForm.estimatedBytes(for: conv1))
    }

    static let layers: [(String, String)] = [
        ("Conv2d(2, 3, 3, padding=1, padding_mode='constant', padding_value=2)", "2x5x5"),
        ("Conv1d(2, 4, 3, stride=2, groups=2, padding=1, padding_mode='circular')", "2x7"),
        ("ConvTranspose2d(2, 2, 3, stride=2)", "2x3x3"),
        ("AvgPool2d(2)", "2x4x4"),
        ("Linear(6, 4)", "6"),
    ]

    /// On integer weights and data both forms compute every pass exactly, so they
    /// are equal entry for entry: one sample, a batch of three, and after new weights
    /// (which change y, for a layer that has weights).
    @Test(arguments: layers)
    func bothFormsAgree(_ spec: String, _ input: String) throws {
        let layer = try Self.layer(spec, input)
        let weights = LayerWeights.integers(for: layer, seed: 5)
        let dense = LayerPasses.dense(try MaterialisedLayer(layer, weights: weights))
        let compressed = LayerPasses.compressed(try SparseLayer(layer, weights: weights))
        let x = NetworkCheckerTests.batch(3, rows: layer.input.count, seed: 1)
        let dy = NetworkCheckerTests.batch(3, rows: layer.output.count, seed: 2)
        #expect(dense.forward(batch: x) == compressed.forward(batch: x))
        #expect(dense.forward(x.column(0)) == compressed.forward(x.column(0)))
        #expect(dense.backward(batch: x, outputGradients: dy) == compressed.backward(batch: x, outputGradients: dy))
        #expect(dense.backward(input: x.column(1), outputGradient: dy.column(1)) == compressed.backward(input: x.column(1), outputGradient: dy.column(1)))
        #expect(dense.matrix == compressed.matrix)
        let other = LayerWeights.integers(for: layer, seed: 6)
        let (denseAgain, compressedAgain) = (try dense.with(other), try compressed.with(other))
        #expect(denseAgain.formName == "dense Wᵀ" && compressedAgain.formName == "compressed Wᵀ")
        #expect(denseAgain.weights == other && denseAgain.forward(batch: x) == compressedAgain.forward(batch: x))
        if !weights.weight.isEmpty { #expect(denseAgain.forward(batch: x) != dense.forward(batch: x)) }
    }

    /// Resuming at a top-level layer from the input it saw gives y itself; a layer
    /// inside a block has no place to resume.
    @Test func aPassResumesAtATopLevelLayer() throws {
        let lenet = try Network(named: "lenet1989")
        let materialised = try MaterialisedNetwork(lenet, weights: .pytorchDefault(for: lenet, seed: 1))
        let x = NetworkChecker(network: lenet, seed: 1).drawX(attempt: 0)
        let (inputs, y) = materialised.trace(x)
        for layer in lenet.layers {
            #expect(materialised.forward(resumingAt: layer.name, input: try #require(inputs[layer.name])) == y)
        }
        let block = try Network(named: "resnet-basic-block")
        let blockPasses = try MaterialisedNetwork(block, weights: .pytorchDefault(for: block, seed: 1))
        #expect(blockPasses.forward(resumingAt: "block.conv1", input: Array(repeating: 0, count: block.input.count)) == nil)
    }

    /// LeNet keeps the full sample of directions; AlexNet is held to the minimum of two.
    @Test func theDirectionsFitTheWorkBudget() throws {
        #expect(NetworkChecker.directionLimit(for: try Network(named: "lenet1989")) > Checker.finiteDifferenceSample)
        #expect(NetworkChecker.directionLimit(for: try Network(named: "alexnet")) == 2)
    }
}
