import ConvMatrix

/// Vectors laid out per feature map, for demos: `x₁ = ( 1,  0,  3)`.
enum VectorText {
    static func tuple(_ values: [Double], width: Int = 3) -> String {
        "(" + values.map { NumberFormat.compact($0).leftPadded(to: width) }.joined(separator: ",") + ")"
    }

    /// One line per map: `  y₂ = ( 4, -1,  0,  2)`.
    static func maps(_ letter: String, _ values: [Double], shape: TensorShape) -> String {
        let width = values.map { NumberFormat.compact($0).count }.max() ?? 1
        return (0..<shape.channels).map { c in
            let map = Array(values[(c * shape.mapSize)..<((c + 1) * shape.mapSize)])
            return "  \(letter)\(subscripted(c + 1)) = \(tuple(map, width: width + 1))\n"
        }.joined()
    }

    /// One kernel per (j, i), named prefix_ji, two to a line.
    static func kernels(_ values: [Double], shape: TensorShape, names m: MaterialisedConvolution, prefix: String) -> String {
        let width = values.map { NumberFormat.compact($0).count }.max() ?? 1
        let perKernel = shape.mapSize
        let items = (0..<shape.channels).map { k -> String in
            let name = m.tied.parameters[k * perKernel]
            let label = prefix + subscripted(name.outputMap) + subscripted(name.inputMap)
            return label + " = " + tuple(Array(values[(k * perKernel)..<((k + 1) * perKernel)]), width: width + 1)
        }
        return stride(from: 0, to: items.count, by: 2).map { "  " + items[$0..<min($0 + 2, items.count)].joined(separator: "    ") + "\n" }.joined()
    }

    static func subscripted(_ n: Int) -> String {
        let digits = Array("₀₁₂₃₄₅₆₇₈₉")
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
