/// The pairs of a molecule grouped by distance: the cfconv's weight sharing.
///
/// A grid convolution shares one parameter between all pairs of units at one
/// offset; a continuous-filter convolution shares one filter value W(d) between
/// all pairs of atoms at one distance. Pairs whose distances agree within
/// ``tolerance`` (10⁻⁶ Å) form one class: sorted by distance, a class starts at
/// its shortest pair and takes every later pair within the tolerance of that
/// first distance (never a chain of small steps). Methane has two classes
/// besides none: its four C–H bonds (eight ordered pairs) and its six H–H pairs
/// (twelve); with self-interaction a class d = 0 holds the n self-pairs.
public struct DistanceClasses: Sendable {
    /// Pairs at distances equal within this many Å share a class.
    public static let tolerance = 1e-6

    /// One class: its distance (the shortest pair's) and its ordered pairs (i, j).
    public struct Class: Sendable {
        public let distance: Double
        public let pairs: [(i: Int, j: Int)]
    }

    /// The classes, shortest distance first.
    public let classes: [Class]
    /// The class of each pair of the pair list, in pair-list order.
    let classOfPair: [Int]

    init(_ pairs: PairList) {
        let order = (0..<pairs.count).sorted { (pairs.distances[$0], $0) < (pairs.distances[$1], $1) }
        var classes: [Class] = []
        var members: [(i: Int, j: Int)] = []
        var start = 0.0
        var classOfPair = Array(repeating: 0, count: pairs.count)
        for p in order {
            let d = pairs.distances[p]
            if members.isEmpty || d - start > Self.tolerance {
                if !members.isEmpty { classes.append(Class(distance: start, pairs: members)) }
                (members, start) = ([], d)
            }
            members.append((pairs.first[p], pairs.second[p]))
            classOfPair[p] = classes.count
        }
        if !members.isEmpty { classes.append(Class(distance: start, pairs: members)) }
        self.classes = classes
        self.classOfPair = classOfPair
    }

    /// The distance classes of `molecule` under `configuration`'s pair list.
    public init(_ molecule: Molecule, configuration: SchNetConfiguration) {
        self.init(PairList(positions: molecule.positions, configuration: configuration))
    }

    public var count: Int { classes.count }
}
