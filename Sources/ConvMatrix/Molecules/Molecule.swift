/// A molecule: atoms with element types and positions in ångström, in file order.
///
///     let water = try Molecule(named: "water")
///     water.elements.map(\.symbol)   // ["O", "H", "H"]
///     water.distance(0, 1)           // 0.9572
public struct Molecule: Sendable, Equatable {
    /// The name it was loaded by (a shipped name or a path), or the XYZ comment.
    public var name: String
    /// The element of each atom.
    public var elements: [Element]
    /// The position of each atom, in Å.
    public var positions: [SIMD3<Double>]

    /// The most atoms a molecule may hold: SchNet's pair list grows as n², and a
    /// drug-sized molecule has well under a hundred atoms.
    public static let atomLimit = 1000

    /// Two atoms closer than this (Å) sit at one position: an input fault, since
    /// no bond is shorter than 0.7 Å and d = 0 has no direction for the forces.
    public static let coincidenceTolerance = 1e-3

    /// A molecule from its parts.
    ///
    /// - Precondition: one position per element.
    public init(name: String, elements: [Element], positions: [SIMD3<Double>]) {
        precondition(elements.count == positions.count, "\(elements.count) elements for \(positions.count) positions")
        self.name = name
        self.elements = elements
        self.positions = positions
    }

    /// The number of atoms.
    public var count: Int { elements.count }

    /// The atomic numbers Z_i.
    public var atomicNumbers: [Int] { elements.map(\.atomicNumber) }

    /// The masses m_i in u.
    public var masses: [Double] { elements.map(\.mass) }

    /// d_ij = ‖r_i − r_j‖ in Å.
    public func distance(_ i: Int, _ j: Int) -> Double {
        length(positions[i] - positions[j])
    }

    /// The n × n matrix of distances d_ij.
    public var distances: [[Double]] {
        (0..<count).map { i in (0..<count).map { j in distance(i, j) } }
    }

    /// The same molecule with other positions.
    public func moved(to positions: [SIMD3<Double>]) -> Molecule {
        Molecule(name: name, elements: elements, positions: positions)
    }
}

/// ‖v‖ for a 3-vector.
@inlinable
func length(_ v: SIMD3<Double>) -> Double {
    (v * v).sum().squareRoot()
}
