import Testing

@testable import ConvMatrix

/// Prose broken to a width, and counts as people write them.
@Suite struct TextWrapTests {
    static let sentence =
        "Wᵀ is 1,200 × 784: 940,800 entries, 120,000 structural nonzeros, 1,200 weight + 12 bias parameters in Conv2d(4, 12, kernel_size=5)"

    @Test(arguments: [12, 20, 33, 40, 60, 80, 200])
    func linesFitAndKeepEveryWord(width: Int) {
        let lines = TextWrap.lines(Self.sentence, width: width)
        for line in lines {
            // Only a word that is itself too wide (with its operator neighbours) may pass the width.
            #expect(line.count <= width || !line.trimmingCharacters(in: .whitespaces).contains(" ") || line.contains(" × ") || line.contains(" + "))
        }
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == Self.sentence)
        #expect(width < Self.sentence.count ? lines.count > 1 : lines == [Self.sentence])
    }

    @Test func operatorsKeepTheirOperands() {
        for width in 10...90 {
            for line in TextWrap.lines(Self.sentence, width: width) {
                let words = line.split(separator: " ")
                #expect(words.first.map { TextWrap.operators.contains(String($0)) } != true, "\(width): \(line)")
                #expect(words.last.map { TextWrap.operators.contains(String($0)) } != true, "\(width): \(line)")
            }
        }
    }

    @Test func clausesAndParenthesesChooseTheBreak() {
        #expect(
            TextWrap.lines(Self.sentence, width: 80) == [
                "Wᵀ is 1,200 × 784: 940,800 entries, 120,000 structural nonzeros,",
                "  1,200 weight + 12 bias parameters in Conv2d(4, 12, kernel_size=5)",
            ])
        // Inside the parentheses only when nothing else fits.
        #expect(TextWrap.lines("a Conv2d(4, 12, kernel_size=5) on input", width: 30) == ["a Conv2d(4, 12, kernel_size=5)", "  on input"])
        #expect(TextWrap.lines("short", width: nil) == ["short"])
        #expect(TextWrap.text("one two three\n\nfour five six\n", width: 9) == "one two\n  three\n\nfour five\n  six\n")
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(NumberFormat.count(1, "entry", plural: "entries") == "1 entry")
        #expect(NumberFormat.count(0, "entry", plural: "entries") == "0 entries")
        #expect(NumberFormat.count(1_200, "nonzero") == "1,200 nonzeros")
        #expect(NumberFormat.count(-1, "tap") == "-1 taps")
        #expect(NumberFormat.ratio(3_488_427, 10) == "348,842.7")
        #expect(NumberFormat.ratio(-1_500_000, 1) == "-1,500,000.0")
        #expect(NumberFormat.ratio(-1, 2) == "-0.5")
        #expect(NumberFormat.ratio(8, 1) == "8.0")
        #expect(NumberFormat.ratio(1, 0) == "–")
    }
}
