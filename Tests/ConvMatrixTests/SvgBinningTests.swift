import Foundation
import Testing

@testable import ConvMatrix

/// Large matrices stay small: bins of entries that never straddle a block border.
@Suite struct SvgBinningTests {
    /// The slides' Conv2d(4, 12, 5) on 4x14x14 (1200 × 784, 120,000 nonzeros) in
    /// every style: under 1 MB (measured: about 210 kB sharing, 200 kB spy, 250 kB numeric).
    @Test(arguments: [SvgCase.Style.sharing, .spy, .numeric])
    func theSlides2DLayerIsUnderOneMegabyte(_ style: SvgCase.Style) throws {
        let svg = try SvgCase(layer: SvgCases.slide2d, style: style).render()
        #expect(svg.utf8.count < 1_000_000, "\(svg.utf8.count) bytes")
    }

    /// Bins of 4 × 4 entries: 12 row blocks of 25 cells, 4 column blocks of 49,
    /// with the 11 + 3 block borders drawn.
    @Test func binningKeepsTheBlockBorders() throws {
        let svg = try ParsedSvg(SvgCase(layer: SvgCases.slide2d, style: .sharing).render())
        let lines = svg.elements("line", in: "blocks")
        #expect(lines.filter { $0.attributes["y1"] == $0.attributes["y2"] }.count == 11)
        #expect(lines.filter { $0.attributes["x1"] == $0.attributes["x2"] }.count == 3)
        let grid = try SvgCellGrid(svg, rows: 300, columns: 196)
        let horizontal = lines.filter { $0.attributes["y1"] == $0.attributes["y2"] }.compactMap { $0.integer("y1") }
        let frameTop = try #require(svg.elements.first { $0.attributes["class"] == "frame" }?.integer("y"))
        #expect(horizontal == (1...11).map { frameTop + $0 * 25 * grid.pixel })
    }

    /// Every cell is coloured exactly when its 4 × 4 entries hold a nonzero (counted
    /// here from the terms), in the hue of its own block; the 48 blocks' hues differ.
    @Test func binnedCellsKeepTheirBlocksHue() throws {
        let tied = try SvgCases.slide2d.layer().tiedMatrix()
        let grid = try SvgCellGrid(ParsedSvg(SvgCase(layer: SvgCases.slide2d, style: .sharing).render()), rows: 300, columns: 196)
        var occupied = Set<[Int]>()
        for term in tied.terms { occupied.insert([term.row / 4, term.column / 4]) }
        var hueOfBlock: [[Int]: Double] = [:]
        for r in 0..<300 {
            for c in 0..<196 {
                guard let fill = grid.fills[r][c] else {
                    #expect(!occupied.contains([r, c]), "cell (\(r), \(c)) covers nonzeros but is white")
                    continue
                }
                #expect(occupied.contains([r, c]), "cell (\(r), \(c)) covers no nonzero but is \(fill)")
                let hue = try #require(HexColour(fill)).hue
                let block = [r / 25, c / 49]
                let expected = hueOfBlock[block, default: hue]
                #expect(HexColour.hueDistance(hue, expected) < 3, "cell (\(r), \(c)) of block \(block)")
                hueOfBlock[block] = expected
            }
        }
        #expect(hueOfBlock.count == 48)
        #expect(Set(hueOfBlock.values.map { Int($0.rounded()) }).count == 48)
    }

    /// For every block size and bin size up to 12 and 1 to 6 blocks: the cells tile
    /// the axis, every block starts a cell, and every block spans as many cells.
    @Test func binsNeverStraddleABlockBorder() {
        for blockSize in 1...12 {
            for blocks in 1...6 {
                for binSize in 1...12 {
                    let axis = SvgAxis(count: blockSize * blocks, blockSize: blockSize, binSize: binSize)
                    let label = "\(blocks) blocks of \(blockSize), bins of \(binSize)"
                    #expect(axis.edges.first == 0 && axis.edges.last == blockSize * blocks, "\(label)")
                    #expect(zip(axis.edges, axis.edges.dropFirst()).allSatisfy { $0 < $1 }, "\(label): \(axis.edges)")
                    #expect(zip(axis.edges, axis.edges.dropFirst()).allSatisfy { $1 - $0 <= binSize }, "\(label): \(axis.edges)")
                    if binSize <= blockSize {
                        #expect(axis.blockStarts.map { axis.edges[$0] } == (0..<blocks).map { $0 * blockSize }, "\(label)")
                        #expect(axis.cellCount == blocks * ((blockSize + binSize - 1) / binSize), "\(label)")
                    } else {
                        #expect(axis.blockStarts.isEmpty, "\(label)")
                    }
                }
            }
        }
    }

    @Test func binSizeKeepsTheLargestSideWithinTheThreshold() {
        #expect(SvgAxis.binSize(for: [12, 12], limit: 300) == 1)
        #expect(SvgAxis.binSize(for: [300, 2], limit: 300) == 1)
        #expect(SvgAxis.binSize(for: [1200, 784], limit: 300) == 4)
        #expect(SvgAxis.binSize(for: [301], limit: 300) == 2)
    }
}
