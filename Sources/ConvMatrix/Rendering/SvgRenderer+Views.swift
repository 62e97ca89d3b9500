/// The blocks of (output map j, input map i) that the sharing legend lays out:
/// `outputMaps` × `inputMaps` of them, the first being (firstOutput + 1, firstInput + 1).
///
/// For the whole of Wᵀ in maps order these are its blocks; in positions order
/// the view's blocks are positions, but the hues still belong to pairs of maps,
/// so the legend keeps the channels; one block of Wᵀ is a grid of one.
struct SvgMapGrid: Sendable {
    let outputMaps: Int
    let inputMaps: Int
    var firstOutput = 0
    var firstInput = 0

    init(outputMaps: Int, inputMaps: Int, firstOutput: Int = 0, firstInput: Int = 0) {
        self.outputMaps = outputMaps
        self.inputMaps = inputMaps
        self.firstOutput = firstOutput
        self.firstInput = firstInput
    }

    /// The blocks of a maps-order Wᵀ.
    init(_ tied: TiedMatrix) {
        self.init(outputMaps: tied.rowBlocks, inputMaps: tied.columnBlocks)
    }

    /// The grid the names of `blocks` fill: this one, or its transpose when the
    /// names index the weight's first axis by input map, as ConvTranspose's
    /// (in, out/groups, *k) layout does (v₂₁ in block (output map 1, input map 2)).
    func fitting(_ blocks: [SvgSharingPalette.Block]) -> SvgMapGrid {
        let inside = { (b: SvgSharingPalette.Block, grid: SvgMapGrid) in
            (grid.firstOutput..<(grid.firstOutput + grid.outputMaps)).contains(b.outputMap - 1)
                && (grid.firstInput..<(grid.firstInput + grid.inputMaps)).contains(b.inputMap - 1)
        }
        let transposed = SvgMapGrid(outputMaps: inputMaps, inputMaps: outputMaps, firstOutput: firstInput, firstInput: firstOutput)
        return blocks.allSatisfy({ inside($0, self) }) || !blocks.allSatisfy({ inside($0, transposed) }) ? self : transposed
    }

    /// Block (j, i), 1-based, at row `row` and column `column` of the grid (0-based).
    func block(row: Int, column: Int) -> SvgSharingPalette.Block {
        SvgSharingPalette.Block(outputMap: firstOutput + row + 1, inputMap: firstInput + column + 1)
    }
}

/// Wᵀ in the positions order, and one block of Wᵀ, as pictures.
extension SvgRenderer {
    /// The picture of a view: in maps order as ``render(_:title:)`` draws the stored
    /// Wᵀ, in positions order with blocks of positions (out × in channels each)
    /// labelled `position (1,4)`. Colours stay those of the parameters, so the same
    /// small out × in matrix is seen sliding along the block diagonal.
    ///
    /// - Throws: as ``render(_:title:)``.
    public func render(_ view: MatrixView, title: String? = nil) throws(ConvMatrixError) -> String {
        let sides = (
            rows: SvgMapName.blocks(of: view.output, order: view.order, role: "output", letter: "y"),
            columns: SvgMapName.blocks(of: view.input, order: view.order, role: "input", letter: "x")
        )
        let maps = SvgMapGrid(outputMaps: view.output.channels, inputMaps: view.input.channels)
        let name = view.order == .maps ? "Wᵀ" : "Wᵀ in \(view.order.rawValue) order"
        return try picture(view.tied, sides: sides, maps: maps, name: name, title: title)
    }

    /// Block (j, i) of a maps-order Wᵀ, 1-based as in v_{ji}: the band matrix of the
    /// convolution w_{ji} ∗ x_i, its sides labelled output map j and input map i.
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`, field `block`, when (j, i) is not
    ///   a block of Wᵀ; otherwise as ``render(_:title:)``.
    public func renderBlock(_ tied: TiedMatrix, j: Int, i: Int, title: String? = nil) throws(ConvMatrixError) -> String {
        let block = try tied.block(j: j, i: i)
        let sides = (
            rows: SvgMapName(long: "output map", short: "y", first: j - 1),
            columns: SvgMapName(long: "input map", short: "x", first: i - 1)
        )
        let maps = SvgMapGrid(outputMaps: 1, inputMaps: 1, firstOutput: j - 1, firstInput: i - 1)
        return try picture(block, sides: sides, maps: maps, name: "block (\(j), \(i)) of Wᵀ", title: title)
    }
}
