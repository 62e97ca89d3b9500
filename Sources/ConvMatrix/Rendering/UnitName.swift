/// The name of one unit of x or y: its letter, its 1-based map and its 1-based
/// position, as the slides write y_j^{ab} (output map j at position (a, b)).
///
/// One name, several spellings, one for each renderer:
///
///     let name = UnitName("y", unit: 2, shape: TensorShape(channels: 3, spatial: [4]))
///     name.unicode   // y₁(3)
///     name.plain     // y1(3)
///     name.latex     // y_{1}^{(3)}
///
/// Units are numbered as torch's `.flatten()` numbers them (see ``TensorShape``):
/// unit u is map u / ∏spatial at row-major position u mod ∏spatial.
public struct UnitName: Hashable, Sendable {
    /// "x" for input units, "y" for output units.
    public let letter: String
    /// The feature map, 1-based.
    public let map: Int
    /// The spatial position, 1-based, one index per spatial dimension.
    public let position: [Int]

    public init(letter: String, map: Int, position: [Int]) {
        self.letter = letter
        self.map = map
        self.position = position
    }

    /// The name of unit `unit` (0-based, maps order) of a tensor of shape `shape`.
    public init(_ letter: String, unit: Int, shape: TensorShape) {
        self.init(
            letter: letter, map: unit / shape.mapSize + 1,
            position: RowMajor(shape.spatial).index(unit % shape.mapSize).map { $0 + 1 })
    }

    /// The position as written inside parentheses: `3`, `1,4`.
    public var positionText: String { position.map(String.init).joined(separator: ",") }

    /// Terminal form: `y₁(3)`, `x₂(1,4)`.
    public var unicode: String { letter + UnicodeIndices.lowered(String(map)) + (position.isEmpty ? "" : "(" + positionText + ")") }

    /// ASCII form for CSV: `y1(3)`, `x2(1,4)`.
    public var plain: String { letter + String(map) + (position.isEmpty ? "" : "(" + positionText + ")") }

    /// LaTeX form (math mode): `y_{1}^{(3)}`, `x_{2}^{(1,4)}`.
    public var latex: String { letter + "_{\(map)}" + (position.isEmpty ? "" : "^{(" + positionText + ")}") }
}

/// Names of units for labels, in the terminal spelling: y₁(3) is unit 3 of output
/// map 1, x₂(1,4) unit (1, 4) of input map 2.
enum UnitLabel {
    static func name(_ letter: String, unit: Int, shape: TensorShape) -> String {
        UnitName(letter, unit: unit, shape: shape).unicode
    }
}
