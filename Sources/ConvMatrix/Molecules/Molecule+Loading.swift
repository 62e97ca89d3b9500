import Foundation

extension Molecule {
    /// The largest XYZ file read: ``atomLimit`` atoms of a hundred bytes each.
    public static let fileSizeLimit = 1 << 17

    /// The molecule `argument` names: a shipped molecule's name, else a path to an XYZ file.
    ///
    ///     try Molecule(named: "methane").count   // 5
    ///
    /// - Throws: ``ConvMatrixError`` on field `molecule`: a name that is neither
    ///   shipped nor a readable file, a file over ``fileSizeLimit`` bytes or not
    ///   UTF-8, and every fault of ``init(parsingXYZ:name:)``.
    public init(named argument: String) throws(ConvMatrixError) {
        if let shipped = ShippedMolecules.named(argument) {
            try self.init(parsingXYZ: shipped.text, name: shipped.name)
            return
        }
        try self.init(parsingXYZ: Self.fileText(argument), name: argument)
    }

    /// The molecule an XYZ text describes.
    ///
    /// - Throws: ``ConvMatrixError`` on field `molecule`, the reason starting
    ///   with the line: a bad count, a count over ``atomLimit``, an unknown
    ///   element, a non-numeric coordinate, two atoms within
    ///   ``coincidenceTolerance``, missing or extra lines.
    public init(parsingXYZ text: String, name: String = "") throws(ConvMatrixError) {
        self = try XYZParser.parse(text, name: name)
    }

    /// The text of the XYZ file at `path`, sized before it is read.
    private static func fileText(_ path: String) throws(ConvMatrixError) -> String {
        let shipped = ShippedMolecules.all.map(\.name).joined(separator: ", ")
        let status = SystemCall.status(of: path, followingLinks: true)
        if let status, status.st_size > fileSizeLimit {
            throw .molecule("\(EchoedText.quoted(path)) holds \(status.st_size) bytes; an XYZ file is at most \(fileSizeLimit)")
        }
        let bytes: [UInt8]
        do {
            bytes = try NpyFile.bytes(at: path, field: "molecule")
        } catch {
            throw .molecule("\(EchoedText.quoted(path)) is not a shipped molecule (\(shipped)) nor a file: \(error.reason)")
        }
        guard bytes.count <= fileSizeLimit, let text = String(validating: bytes, as: UTF8.self) else {
            throw .molecule("\(EchoedText.quoted(path)) is not an XYZ file: it is not UTF-8 text of at most \(fileSizeLimit) bytes")
        }
        return text
    }
}
