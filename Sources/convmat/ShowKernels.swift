import ArgumentParser
import ConvMatrix

/// `show --view kernels --format svg`: the layer's kernels v_{ji} as small images
/// (``SvgKernels``), from its weights alone: no matrix is built, so a layer of any
/// size draws (AlexNet's conv1: 96 × 3 kernels of 11 × 11).
enum ShowKernels {
    /// What --view takes.
    enum View: String, CaseIterable, ExpressibleByArgument {
        case matrix, kernels
        case receptiveField = "receptive-field"
    }

    /// The picture of `layer`'s kernels with `weights`, titled `title`, to --output or stdout.
    static func write(_ show: Show, layer: any Layer, weights: LayerWeights, title: String) throws {
        let grid = try KernelGrid(layer: layer, weight: weights.weight)
        try show.write(Array(SvgKernels().render(grid, title: title).utf8))
    }

    /// The one line a misuse of --view kernels gets.
    static func validate(_ show: Show) throws {
        guard show.view == .kernels else { return }
        guard show.format == .svg else {
            throw OptionError(field: "view", reason: "--view kernels draws svg; add --format svg (not \(show.format.rawValue))")
        }
        let conflicting = [("spy", show.spy), ("factor", show.factor), ("block", show.block != nil), ("product", show.product)]
        if let (flag, _) = conflicting.first(where: { $0.1 }) {
            throw OptionError(field: flag, reason: "--\(flag) draws the matrix; --view kernels draws the kernels alone")
        }
        if show.layer.isNetwork, show.layerName == nil {
            throw OptionError(field: "view", reason: "--view kernels draws one layer's kernels: add --layer NAME")
        }
    }
}
