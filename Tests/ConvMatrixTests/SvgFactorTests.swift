import Testing

@testable import ConvMatrix

/// The picture of Wᵀ = Wᵀ_valid · P: three panels in the order of the identity,
/// lined up cell for cell.
@Suite struct SvgFactorTests {
    static let circular = SvgCase(layer: SvgCases.circular, style: .sharing, factor: true)

    @Test func panelsFollowTheIdentity() throws {
        let svg = try ParsedSvg(Self.circular.render())
        let texts = svg.texts
        let order = ["Wᵀ: 5 × 3", "=", "Wᵀvalid: 5 × 9", "·", "P: 9 × 3"].map { label in texts.firstIndex(of: label) }
        #expect(order.allSatisfy { $0 != nil }, "\(texts)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    /// P's rows line up with Wᵀ_valid's columns, its columns with Wᵀ's.
    @Test func panelsShareOneCellSize() throws {
        let frames = try ParsedSvg(Self.circular.render()).elements.filter { $0.attributes["class"] == "frame" }
        try #require(frames.count == 3)
        let (full, valid, p) = (frames[0], frames[1], frames[2])
        #expect(p.integer("height") == valid.integer("width"))
        #expect(p.integer("width") == full.integer("width"))
        #expect(valid.integer("height") == full.integer("height"))
    }

    /// P is drawn black exactly at its nonzeros; Wᵀ keeps its hatched sums and
    /// Wᵀ_valid, whose entries each hold one tap, has none.
    @Test func eachPanelShowsItsOwnMatrix() throws {
        let layer = try SvgCases.circular.layer()
        let svg = try ParsedSvg(Self.circular.render())
        let p = try SvgCellGrid(svg, panel: 2, rows: 9, columns: 3)
        let ones = Set(layer.padding.nonzeros.map { [$0.row, $0.column] })
        for r in 0..<9 {
            for c in 0..<3 {
                #expect((p.fills[r][c] == "#000") == ones.contains([r, c]), "P (\(r + 1), \(c + 1))")
            }
        }
        let full = try SvgCellGrid(svg, panel: 0, rows: 5, columns: 3)
        let valid = try SvgCellGrid(svg, panel: 1, rows: 5, columns: 9)
        #expect(full.fills.joined().filter { $0 == "url(#summed)" }.count == 10)
        #expect(valid.fills.joined().compactMap { $0 }.count == 25)
        #expect(!valid.fills.joined().contains("url(#summed)"))
    }

    @Test func matricesThatDoNotComposeThrow() throws {
        let layer = try SvgCases.circular.layer()
        let other = try SvgCases.slide.layer()
        #expect(throws: ConvMatrixError.self) {
            try SvgRenderer().renderFactor(valid: other.validTiedMatrix(), padding: layer.padding, full: layer.tiedMatrix())
        }
        #expect(throws: ConvMatrixError.self) {
            try SvgRenderer().renderFactor(valid: layer.validTiedMatrix(), padding: other.padding, full: layer.tiedMatrix())
        }
    }
}
