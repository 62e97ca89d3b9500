import Foundation

/// Trained weights as .npy files, in the layout ``NetworkWeights/init(directory:for:budget:)``
/// reads (`show --weights DIR`, network runs):
///
///     DIR/NAME.weight.npy    float64, the layer's weight shape (PyTorch's layout)
///     DIR/NAME.bias.npy      float64, the bias shape ((12, 8, 8) for an untied H1)
///
/// NAME the layer's full name; layers without parameters write nothing.
public enum TrainingSaving {
    /// Throws unless `directory` is one, or could be created: its nearest existing
    /// ancestor is a directory. Creates nothing, so that a run refused or
    /// diverged later leaves no trace.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.file` on field `save` when the path
    ///   is empty, or it or an ancestor is a file.
    public static func validate(directory: String) throws(ConvMatrixError) {
        guard !directory.isEmpty else { throw ConvMatrixError(.file, field: "save", reason: "the path is empty; give a directory") }
        var path = directory
        while true {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw ConvMatrixError(.file, field: "save", reason: "\(EchoedText.quoted(path)) is a file, not a directory")
                }
                return
            }
            let parent = (path as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == path { return }
            path = parent
        }
    }

    /// Creates `directory` (and its parents) unless it is one already.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.file` on field `save`.
    static func create(directory: String) throws(ConvMatrixError) {
        try validate(directory: directory)
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
        try create(directory: directory)
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
