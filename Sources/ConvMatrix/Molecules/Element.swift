/// A chemical element: its symbol, atomic number Z and standard atomic mass.
///
/// Masses are IUPAC 2021 standard atomic weights (conventional values for the
/// elements given as intervals), in unified atomic mass units u. The table holds
/// the first three periods, H to Ar: every molecule the project ships and the
/// organic chemistry SchNet's QM9 covers (H C N O F), plus S and Cl.
public struct Element: Hashable, Sendable, CustomStringConvertible {
    /// The symbol as written in an XYZ file: `H`, `Cl`.
    public let symbol: String
    /// The atomic number Z, which SchNet's embedding reads.
    public let atomicNumber: Int
    /// The standard atomic mass in u.
    public let mass: Double

    public var description: String { symbol }

    /// The element with this symbol (case as written: `Cl`, not `CL`), or nil.
    public init?(symbol: String) {
        guard let element = Self.table.first(where: { $0.symbol == symbol }) else { return nil }
        self = element
    }

    /// The element with atomic number Z, or nil outside the table.
    public init?(atomicNumber: Int) {
        guard atomicNumber >= 1, atomicNumber <= Self.table.count else { return nil }
        self = Self.table[atomicNumber - 1]
    }

    private init(_ symbol: String, _ atomicNumber: Int, _ mass: Double) {
        self.symbol = symbol
        self.atomicNumber = atomicNumber
        self.mass = mass
    }

    /// The largest atomic number in the table.
    public static var largestAtomicNumber: Int { table.count }

    /// H to Ar, indexed by Z − 1.
    public static let table: [Element] = [
        Element("H", 1, 1.008), Element("He", 2, 4.002602), Element("Li", 3, 6.94),
        Element("Be", 4, 9.0121831), Element("B", 5, 10.81), Element("C", 6, 12.011),
        Element("N", 7, 14.007), Element("O", 8, 15.999), Element("F", 9, 18.998403163),
        Element("Ne", 10, 20.1797), Element("Na", 11, 22.98976928), Element("Mg", 12, 24.305),
        Element("Al", 13, 26.9815385), Element("Si", 14, 28.085), Element("P", 15, 30.973761998),
        Element("S", 16, 32.06), Element("Cl", 17, 35.45), Element("Ar", 18, 39.948),
    ]
}
