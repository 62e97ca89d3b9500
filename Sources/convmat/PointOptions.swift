import ArgumentParser
import ConvMatrix

/// Where an input-dependent layer's Jacobian is taken: `--x FILE.npy` or
/// `--x-seed N` (default 1, as `invert` draws its x). A linear layer has one
/// matrix whatever its input, so it refuses both.
struct PointOptions: ParsableArguments {
    @Option(
        name: .customLong("x"),
        help: "For max pooling and the activations: the point x of the Jacobian J(x), as a .npy file of the input's shape (C, *spatial).")
    var file: String?

    @Option(
        name: .customLong("x-seed"), parsing: .unconditional,
        help: "Seed of the draw of x (away from ties and kinks) for max pooling and the activations. (default: 1)",
        transform: OptionValues.wholeNumber("x-seed"))
    var seed: UInt64?

    func validate() throws {
        if file != nil, seed != nil { throw OptionError(field: "x-seed", reason: "--x gives x and --x-seed draws it; give one of them") }
    }

    /// True when either flag was given.
    var given: Bool { file != nil || seed != nil }

    /// The name of the flag given, for messages: `--x` or `--x-seed`.
    var flagName: String { file != nil ? "--x" : "--x-seed" }
    /// The flag's field: `x` or `x-seed`.
    var field: String { file != nil ? "x" : "x-seed" }

    /// `layer` linearised where these options say; a linear layer unchanged, and refused when a point was given.
    ///
    /// - Throws: on `x`/`x-seed` for a point given to a linear layer; on `x` for a
    ///   file that cannot be read or has the wrong shape or a non-finite value.
    func apply(to layer: any Layer) throws -> any Layer {
        guard let nonlinear = layer as? any InputDependentLayer else {
            if given {
                throw OptionError(
                    field: field, reason: "\(layer.specDescription) is linear: it has one matrix whatever its input; drop \(flagName)")
            }
            return layer
        }
        return try linearise(nonlinear)
    }

    private func linearise<L: InputDependentLayer>(_ layer: L) throws -> any Layer {
        guard let file else { return layer.at(seed: seed ?? JacobianPoint.defaultSeed) }
        let x = try NpyArray(contentsOf: file, field: "x")
            .requireShape(layer.input.extents, field: "x", expectedBy: "input \(layer.input)", path: file).values
        return try layer.at(x: x)
    }
}
