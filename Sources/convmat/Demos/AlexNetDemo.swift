import ConvMatrix

/// Krizhevsky, Sutskever and Hinton 2012, counted: LeCun's table of the
/// shipped alexnet, what a dense Wᵀ of each layer would cost against its
/// structural nonzeros, and where the parameters and the connections sit.
///
///     dense Wᵀ    rows · columns · 8 bytes        (conv1: 290,400 × 154,587)
///     nonzeros    positions · taps per unit         (conv1: 3,025 · 96 · 363)
///
/// Every number is read off the geometry (``NetworkCount``, ``Layer/geometricNonzeroCount``):
/// no matrix of alexnet is built, so the debug build runs this in seconds.
struct AlexNetDemo: TeachingDemo {
    let title = "AlexNet (Krizhevsky et al. 2012), counted"

    func steps() throws -> [DemoStep] {
        let network = try Network(named: "alexnet")
        let count = try NetworkCount(network)
        return [
            DemoStep(
                title: "LeCun's table for AlexNet",
                explanation: """
                    Units are the rows of each layer's Wᵀ, connections its taps on the padded input plus \
                    one per bias, free parameters the distinct vⱼᵢᵗ and biases. `convmat count alexnet` \
                    prints the same table.
                    """, body: table(count)),
            DemoStep(
                title: "A dense Wᵀ against its structural nonzeros",
                explanation: """
                    Stored densely, a layer's Wᵀ holds one Double per (output unit, input unit) pair; \
                    for a convolution almost all of them are structural zeros. The nonzeros are the taps \
                    each row reads, and only the few kernel parameters are distinct among them.
                    """, body: dense(network)),
            DemoStep(
                title: "The parameters are fully connected, the connections convolutional",
                explanation: """
                    A convolution reuses each parameter at every position, so it has many connections and \
                    few parameters; a fully connected layer uses each parameter once. AlexNet's memory is \
                    in fc6–fc8, its arithmetic in conv1–conv5.
                    """, body: shares(count)),
        ]
    }

    /// `convmat count alexnet`'s text, its long note wrapped to 80 columns.
    private func table(_ count: NetworkCount) -> String {
        let printer = DemoPrinter(colour: false, width: 78)
        return count.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.count <= 80 ? String(line) : printer.wrapped(String(line)).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    private func dense(_ network: Network) -> String {
        var rows = [["layer", "Wᵀ", "dense", "nonzeros", "of entries"]]
        for named in network.layers where named.layer.layerParameterCount > 0 {
            let layer = named.layer
            let nonzeros = layer.geometricNonzeroCount ?? 0
            rows.append([
                named.name, "\(NumberFormat.count(layer.output.count)) × \(NumberFormat.count(layer.input.count))",
                MemoryBudget.format(saturatingProduct(layer.entryCount, MemoryLayout<Double>.size)), NumberFormat.count(nonzeros),
                NumberFormat.compact(100 * Double(nonzeros) / Double(layer.entryCount), fractionDigits: 3) + " %",
            ])
        }
        var text = DepthwiseSeparableDemo.table(rows)
        if let conv1 = network.layer(named: "conv1")?.layer {
            let bytes = saturatingProduct(conv1.entryCount, MemoryLayout<Double>.size)
            text += "\nconv1: \(NumberFormat.count(conv1.output.count)) × \(NumberFormat.count(conv1.input.count)) entries × 8 bytes"
            text += " = \(NumberFormat.count(bytes)) bytes,\n"
            text += "but \(NumberFormat.count(conv1.geometricNonzeroCount ?? 0)) structural nonzeros and "
            text += "\(NumberFormat.count(conv1.weightParameterCount)) weights + \(NumberFormat.count(conv1.biasParameterCount)) biases\n"
        }
        return text
    }

    private func shares(_ count: NetworkCount) -> String {
        let kinds = ["Conv2d", "MaxPool2d", "Linear"]
        var rows = [["kind", "layers", "free parameters", "", "connections", ""]]
        for kind in kinds {
            let layers = count.layers.filter { $0.kind == kind }
            let parameters = layers.reduce(0) { $0 + $1.freeParameters }
            let connections = layers.reduce(0) { $0 + $1.connections }
            rows.append([
                kind, "\(layers.count)",
                NumberFormat.count(parameters), Self.percent(parameters, of: count.freeParameters),
                NumberFormat.count(connections), Self.percent(connections, of: count.connections),
            ])
        }
        rows.append(["total", "\(count.layers.count)", NumberFormat.count(count.freeParameters), "", NumberFormat.count(count.connections), ""])
        return DepthwiseSeparableDemo.table(rows)
    }

    private static func percent(_ part: Int, of whole: Int) -> String {
        NumberFormat.compact(100 * Double(part) / Double(max(1, whole)), fractionDigits: 1) + " %"
    }
}
