import Foundation

extension Network {
    /// The largest network file read: a network is a few hundred lines.
    public static let fileSizeLimit = 1 << 20

    /// The network `argument` names: a shipped network's name, else a file path.
    ///
    ///     try Network(named: "lenet1989").layers.count   // 9
    ///
    /// - Parameter input: a shape that replaces the file's input line.
    /// - Throws: ``ConvMatrixError`` on field `network`: a name that is neither a
    ///   shipped network nor a readable file, a file larger than
    ///   ``fileSizeLimit`` or not UTF-8, and every fault of
    ///   ``init(parsing:name:input:)``.
    public init(named argument: String, input: TensorShape? = nil) throws(ConvMatrixError) {
        if let shipped = ShippedNetworks.named(argument) {
            try self.init(parsing: shipped.text, name: shipped.name, input: input)
            return
        }
        try self.init(parsing: Self.fileText(argument), name: argument, input: input)
    }

    /// The text of the network file at `path`.
    private static func fileText(_ path: String) throws(ConvMatrixError) -> String {
        let shipped = ShippedNetworks.all.map(\.name).joined(separator: ", ")
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= fileSizeLimit else {
            throw .network("\(EchoedText.quoted(path)) holds \(size) bytes; a network file is at most \(fileSizeLimit)")
        }
        let bytes: [UInt8]
        do {
            bytes = try NpyFile.bytes(at: path, field: "network")
        } catch {
            throw .network("\(EchoedText.quoted(path)) is not a shipped network (\(shipped)) nor a file: \(error.reason)")
        }
        guard bytes.count <= fileSizeLimit, let text = String(bytes: bytes, encoding: .utf8) else {
            throw .network("\(EchoedText.quoted(path)) is not a network file: it is not UTF-8 text of at most \(fileSizeLimit) bytes")
        }
        return text
    }
}
