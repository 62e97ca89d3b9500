import Testing

@testable import ConvMatrix

/// The pictures as images: rsvg-convert draws each at the size it states, and
/// the slide's picture and the docs images are golden files a reviewer looked at.
@Suite struct SvgImageTests {
    @Test(arguments: SvgCases.all)
    func rsvgDrawsEachPictureAtItsStatedSize(_ svgCase: SvgCase) throws {
        let svg = try svgCase.render()
        let root = try #require(ParsedSvg(svg).root)
        let size = try #require(Rsvg.size(ofPNG: Rsvg.png(svg)), "not a PNG")
        #expect(size.width == root.integer("width"))
        #expect(size.height == root.integer("height"))
    }

    /// Tests/ConvMatrixTests/Golden/slide.svg: the slide's Wᵀ in the sharing style.
    @Test func slidePictureMatchesItsGoldenFile() throws {
        let actual = try SvgCase(layer: SvgCases.slide, style: .sharing).render()
        #expect(try Golden.text("slide.svg", actual: actual) == actual)
    }

    /// docs/images/slide-1d.svg and slide-2d.svg are what the library draws now.
    @Test(arguments: [("slide-1d.svg", SvgCases.slide), ("slide-2d.svg", SvgCases.slide2d)])
    func docsImagesAreCurrent(_ name: String, _ layer: LayerCase) throws {
        let actual = try SvgCase(layer: layer, style: .sharing).render()
        #expect(
            try Golden.docsImage(name, actual: actual) == actual,
            "docs/images/\(name) is stale: regenerate with CONVMAT_UPDATE_GOLDEN=1 swift test --filter Svg")
    }
}
