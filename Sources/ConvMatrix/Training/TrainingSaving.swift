import Foundation

/// Trained weights as .npy files, in the layout ``NetworkWeights/init(directory:for:budget:)``
/// reads (`show --weights DIR`, network runs):
///
///     DIR/NAME.weight.npy    float64, the layer's weight shape (PyTorch's layout)
///     DIR/NAME.bias.npy      float64, the bias shape ((12, 8, 8) for an untied H1)
///
/// NAME the layer's full name; layers without parameters write nothing.
public enum TrainingSaving {
    /// Creates `directory` (and its parents) unless it is one already.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.file` on field `save` when the path
    ///   is empty, is a file, or cannot be created.
    public static func prepare(directory: String) throws(ConvMatrixError) {
        guard !directory.isEmpty else { throw ConvMatrixError(.file, field: "save", reason: "the path is empty; give a directory") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ConvMatrixError(.file, field: "save", reason: "\(EchoedText.quoted(directory)) is a file, not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ConvMatrixError(.file, field: "save", reason: "\(EchoedText.quoted(directory)) cannot be created: \(error.localizedDescription)")
        }
    }

    /// Writes every layer's weight and bias of `weights` into `directory`, each
    /// file atomically; returns the paths written.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.file` on field `save`.
    @discardableResult
    public static func save(_ weights: NetworkWeights, of network: Network, to directory: String) throws(ConvMatrixError) -> [String] {
        try prepare(directory: directory)
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var written: [String] = []
        for layer in network.layers {
            guard let values = weights.byLayer[layer.name] else { continue }
            if !layer.layer.weightShape.isEmpty {
                written.append(try write(values.weight, shape: layer.layer.weightShape, to: base + layer.name + ".weight.npy"))
            }
            if let bias = values.bias, let shape = layer.layer.biasShape {
                written.append(try write(bias, shape: shape, to: base + layer.name + ".bias.npy"))
            }
        }
        return written
    }

    private static func write(_ values: [Double], shape: [Int], to path: String) throws(ConvMatrixError) -> String {
        try AtomicFile.write(NpyWriter.float64(values, shape: shape), to: path, field: "save")
        return path
    }
}
