/// One dimension of a drawn matrix (its rows or its columns): which entries
/// each drawn cell covers, and where the blocks (feature maps) begin.
///
/// Unbinned, a cell is one entry. Binned with bin size b, each block of B
/// entries is cut into ⌈B/b⌉ bins of ⌊B/⌈B/b⌉⌋ or one more entries, so that no
/// bin straddles a block border and every block spans the same number of
/// cells: the block structure of Wᵀ survives any amount of shrinking.
///
///     SvgAxis(count: 1200, blockSize: 100, binSize: 4)   // 12 blocks of 25 cells
///     SvgAxis(count: 784, blockSize: 196, binSize: 4)    // 4 blocks of 49 cells
///
/// Only when blocks are smaller than a bin (many tiny maps) do bins cover
/// several whole or partial blocks; the axis then has no block borders to draw.
struct SvgAxis: Sendable {
    /// Entries along the dimension.
    let count: Int
    /// Entries per block.
    let blockSize: Int
    /// Cell k covers entries edges[k]..<edges[k + 1].
    let edges: [Int]
    /// The first cell of each block, or empty when bins straddle blocks.
    let blockStarts: [Int]
    /// The cell of each entry.
    let cellOfEntry: [Int]

    init(count: Int, blockSize: Int, binSize: Int) {
        precondition(
            count > 0 && blockSize > 0 && count % blockSize == 0 && binSize > 0,
            "axis of \(count) entries in blocks of \(blockSize), bins of \(binSize)")
        self.count = count
        self.blockSize = blockSize
        let blocks = count / blockSize
        var edges = [0]
        var starts: [Int] = []
        if binSize <= blockSize {
            let perBlock = (blockSize + binSize - 1) / binSize
            for block in 0..<blocks {
                starts.append(edges.count - 1)
                for k in 1...perBlock { edges.append(block * blockSize + k * blockSize / perBlock) }
            }
        } else {
            edges += stride(from: binSize, to: count, by: binSize)
            edges.append(count)
        }
        self.edges = edges
        blockStarts = starts
        var cellOfEntry = Array(repeating: 0, count: count)
        for cell in 0..<(edges.count - 1) {
            for entry in edges[cell]..<edges[cell + 1] { cellOfEntry[entry] = cell }
        }
        self.cellOfEntry = cellOfEntry
    }

    /// Drawn cells.
    var cellCount: Int { edges.count - 1 }

    /// Blocks along the dimension.
    var blockCount: Int { count / blockSize }

    /// True when a cell is more than one entry.
    var isBinned: Bool { cellCount < count }

    /// Entries in cell k.
    func size(ofCell k: Int) -> Int { edges[k + 1] - edges[k] }

    /// The first and one-past-last cell of block b, when blocks are kept.
    func cells(ofBlock b: Int) -> Range<Int>? {
        guard !blockStarts.isEmpty else { return nil }
        return blockStarts[b]..<(b + 1 < blockStarts.count ? blockStarts[b + 1] : cellCount)
    }

    /// The bin size that keeps every dimension within `limit` cells: 1 when all
    /// `counts` fit, else ⌈largest / limit⌉, one size for all so that cells stay square.
    static func binSize(for counts: [Int], limit: Int) -> Int {
        let largest = counts.max() ?? 0
        return largest <= limit ? 1 : (largest + limit - 1) / limit
    }
}
