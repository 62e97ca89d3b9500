/// The standard XYZ format: a count line, a comment line, then one atom per line.
///
///     3
///     water
///     O  0.0000  0.0000  0.0000
///     H  0.7570  0.0000  0.5859
///     H -0.7570  0.0000  0.5859
///
/// Coordinates are in Å. Fields are separated by spaces or tabs; lines after the
/// atoms must be blank. Every fault is a ``ConvMatrixError`` on field `molecule`
/// whose reason starts with the 1-based line: `line 3: unknown element 'Xx'`.
enum XYZParser {
    /// The molecule `text` describes.
    static func parse(_ text: String, name: String) throws(ConvMatrixError) -> Molecule {
        // "\r\n" is one Character in Swift: split on it as on "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while lines.count > 2, let last = lines.last, isBlank(last) { lines.removeLast() }
        let count = try atomCount(lines.first.map(String.init) ?? "")
        guard lines.count >= count + 2 else {
            throw .molecule(line: lines.count, "the count line promises \(count) atoms, the file holds \(max(0, lines.count - 2)) atom lines")
        }
        var elements: [Element] = []
        var positions: [SIMD3<Double>] = []
        elements.reserveCapacity(count)
        positions.reserveCapacity(count)
        for k in 0..<count {
            let (element, position) = try atom(String(lines[k + 2]), line: k + 3)
            if let other = positions.firstIndex(where: { length($0 - position) < Molecule.coincidenceTolerance }) {
                throw .molecule(
                    line: k + 3, "atom \(k + 1) sits at the position of atom \(other + 1) (closer than \(Molecule.coincidenceTolerance) Å)")
            }
            elements.append(element)
            positions.append(position)
        }
        if lines.count > count + 2 {
            throw .molecule(line: count + 3, "text after the \(count) atoms the count line promises")
        }
        let comment = lines.count > 1 ? String(lines[1]) : ""
        return Molecule(name: name.isEmpty ? comment : name, elements: elements, positions: positions)
    }

    /// The count line: a whole number of atoms, 1 to ``Molecule/atomLimit``, sized before anything is allocated.
    private static func atomCount(_ line: String) throws(ConvMatrixError) -> Int {
        let fields = Self.fields(line)
        guard fields.count == 1, let count = Int(fields[0]) else {
            throw .molecule(line: 1, "the count line must be one whole number of atoms, not \(EchoedText.quoted(line))")
        }
        guard count >= 1, count <= Molecule.atomLimit else {
            throw .molecule(line: 1, "\(count) atoms; a molecule has 1 to \(Molecule.atomLimit)")
        }
        return count
    }

    /// One atom line: `Element x y z`.
    private static func atom(_ line: String, line number: Int) throws(ConvMatrixError) -> (Element, SIMD3<Double>) {
        let fields = Self.fields(line)
        guard fields.count == 4 else {
            throw .molecule(line: number, "an atom line is 'Element x y z', not \(EchoedText.quoted(line))")
        }
        guard let element = Element(symbol: fields[0]) else {
            let known = Element.table.map(\.symbol).joined(separator: " ")
            throw .molecule(line: number, "unknown element \(EchoedText.quoted(fields[0])); known: \(known)")
        }
        var coordinates: [Double] = []
        for (axis, field) in zip(["x", "y", "z"], fields.dropFirst()) {
            guard let value = Double(field), value.isFinite else {
                throw .molecule(line: number, "\(axis) = \(EchoedText.quoted(field)) is not a finite number")
            }
            guard abs(value) <= 1e6 else {
                throw .molecule(line: number, "\(axis) = \(field) Å is farther than 10⁶ Å from the origin")
            }
            coordinates.append(value)
        }
        return (element, SIMD3(coordinates[0], coordinates[1], coordinates[2]))
    }

    private static func fields(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }
}

extension ConvMatrixError {
    /// A fault in a molecule, on field `molecule`, at a 1-based line of its XYZ text.
    static func molecule(line: Int, _ reason: String) -> ConvMatrixError {
        ConvMatrixError(.file, field: "molecule", reason: "line \(line): \(reason)")
    }

    /// A fault in a molecule argument as a whole.
    static func molecule(_ reason: String) -> ConvMatrixError {
        ConvMatrixError(.file, field: "molecule", reason: reason)
    }
}
