@testable import ConvMatrix

/// The layers the slides draw, for rendering tests.
enum Slide {
    /// "Convolution Layers as y = Wᵀx": Conv1d(2, 3, kernel_size=3, bias=False) on 2×6.
    static func oneDimensional() throws -> Convolution {
        try Convolution(ConvolutionSpec(parsing: "Conv1d(2, 3, kernel_size=3, bias=False)"), input: TensorShape(parsing: "2x6"))
    }

    /// "Convolutional Layer": Conv2d(4, 12, 5) on 4×14×14.
    static func twoDimensional() throws -> Convolution {
        try Convolution(ConvolutionSpec(parsing: "Conv2d(4, 12, 5)"), input: TensorShape(parsing: "4x14x14"))
    }

    /// Small integer weights, so numeric renderings are easy to read: v_p = (p mod 7) − 3.
    static func values(_ count: Int) -> [Double] {
        (0..<count).map { Double($0 % 7 - 3) }
    }

    /// Removes ANSI escape sequences (ESC [ … m).
    static func withoutEscapes(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for ch in text {
            if ch == "\u{1B}" { inEscape = true; continue }
            if inEscape { if ch == "m" { inEscape = false }; continue }
            out.append(ch)
        }
        return out
    }
}
