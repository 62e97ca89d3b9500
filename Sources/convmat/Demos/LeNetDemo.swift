import ConvMatrix

/// LeCun et al. 1989's zip-code network, counted as the paper counts it, from
/// the structure of each layer's matrix.
struct LeNetDemo: TeachingDemo {
    let title = "LeCun et al. 1989: the zip-code network, counted from its matrices"

    func steps() throws -> [DemoStep] {
        let network = try Network(named: "lenet1989")
        let count = try NetworkCount(network)
        return [
            DemoStep(
                title: "The layers, each a matrix",
                explanation: """
                    An image, two convolutional layers H1 and H2 of strided windows on an input extended \
                    by a constant border, two fully connected layers, and the scaled tanh between them. \
                    Every layer is a matrix; the activations are diagonal Jacobians.
                    """, body: try NetworkShowTable(network).text),
            DemoStep(
                title: "Each number of the paper's table, derived",
                explanation: """
                    A unit's connections are its taps on the extended input plus its bias; H2's units \
                    read only the maps of their connection table. The paper's free parameters are the \
                    distinct parameters: shared kernels and untied biases.
                    """, body: derivations(network)),
            DemoStep(
                title: "LeCun's table",
                explanation: """
                    `convmat count lenet1989` prints the same table; the total of units counts the \
                    input units too, as the paper does.
                    """, body: count.text),
        ]
    }

    /// units × (taps a row + 1) = connections, and weights + biases = free parameters, per layer.
    private func derivations(_ network: Network) -> String {
        var lines: [String] = []
        for layer in network.layers where layer.layer.hasConnections {
            let matrix = layer.layer.connectionMatrix()
            let taps = matrix.terms(inRow: 0).count
            let units = layer.layer.output.count
            let bias = layer.layer.biasShape == nil ? 0 : 1
            let connections = units * (taps + bias)
            lines.append(
                "\(layer.name)  \(NumberFormat.count(units)) units × (\(taps) taps + \(bias) bias) = \(NumberFormat.count(connections)) connections\n"
                    + "\(String(repeating: " ", count: layer.name.count))  \(NumberFormat.count(layer.layer.weightParameterCount)) weights + "
                    + "\(NumberFormat.count(layer.layer.biasParameterCount)) biases = \(NumberFormat.count(layer.layer.layerParameterCount)) free parameters")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
