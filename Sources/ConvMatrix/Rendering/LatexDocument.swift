/// The compilable documents around one or more displays: a tight page per display
/// (`--standalone`), or a Beamer frame per display (`--beamer`).
///
/// Both compile with pdflatex from Debian's texlive-latex-base (article, amsmath,
/// graphicx), preview-latex-style (preview.sty) and, for Beamer,
/// texlive-latex-recommended (beamer.cls) with texlive-pictures (pgf, which beamer
/// needs and texlive-latex-recommended does not pull in). The `standalone` class
/// (texlive-latex-extra) is not used.
///
/// Rows are stretched by 1.4 so that superscripts clear the subscripts above
/// them, and from 17 columns on the column gaps narrow from 5 pt to 2 pt.
///
/// The tight document puts each display in a `preview` environment
/// (`\usepackage[active,tightpage]{preview}`): every display is a page of exactly
/// its own size plus a 4 pt border, ready for `\includegraphics` without cropping
/// (the text width is 16,000 pt, so that no matrix overfills a line),
///
///     \begin{preview}
///     $\displaystyle W^\top = \left(\begin{array}{…} … \end{array}\right)$
///     \end{preview}
///
/// The Beamer document gives each display a frame (titled with the caption, when
/// there is one) and shrinks it, never enlarges it, to the frame's width and to
/// three quarters of its height, keeping its proportions:
///
///     \begin{frame}{Conv1d(2, 3, kernel\_size=3, bias=False) on 2x6}
///     \sbox{\convmatbox}{$\displaystyle W^\top = …$}
///     \convmatfit
///     \end{frame}
enum LatexDocument {
    /// Columns from which the column gaps narrow.
    static let narrowFrom = 17

    /// The tight document: one page per display; the widest matrix has `columns` columns.
    static func standalone(_ displays: [String], columns: Int) -> String {
        var lines = [
            "\\documentclass{article}",
            "\\usepackage{amsmath}",
            "\\usepackage[active,tightpage]{preview}",
            "\\setlength{\\PreviewBorder}{4pt}",
            "% Lines as wide as any matrix: each page is cropped to its own matrix anyway.",
            "\\setlength{\\textwidth}{16000pt}",
        ]
        lines += arrayLayout(columns: columns)
        lines.append("\\begin{document}")
        for display in displays {
            lines += ["\\begin{preview}", "$\\displaystyle", display, "$", "\\end{preview}"]
        }
        lines.append("\\end{document}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Beamer document: one frame per display, each titled `caption` (plain text).
    static func beamer(_ displays: [String], columns: Int, caption: String?) -> String {
        var lines = [
            "\\documentclass{beamer}",
            "\\setbeamertemplate{navigation symbols}{}",
            "\\newsavebox{\\convmatbox}",
            "% Shrinks \\convmatbox to the frame's width and to 3/4 of its height, never enlarges it, and centres it.",
            "\\newcommand{\\convmatfit}{%",
            "  \\ifdim\\wd\\convmatbox>\\linewidth\\sbox{\\convmatbox}{\\resizebox{\\linewidth}{!}{\\box\\convmatbox}}\\fi",
            "  \\ifdim\\dimexpr\\ht\\convmatbox+\\dp\\convmatbox\\relax>0.75\\textheight",
            "    \\sbox{\\convmatbox}{\\resizebox*{!}{0.75\\textheight}{\\box\\convmatbox}}\\fi",
            "  \\begin{center}\\box\\convmatbox\\end{center}}",
        ]
        lines += arrayLayout(columns: columns)
        lines.append("\\begin{document}")
        let title = caption.map { "{" + textEscaped($0) + "}" } ?? ""
        for display in displays {
            lines += ["\\begin{frame}" + title, "\\sbox{\\convmatbox}{$\\displaystyle", display, "$}", "\\convmatfit", "\\end{frame}"]
        }
        lines.append("\\end{document}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Row stretch, and narrow column gaps for wide matrices.
    static func arrayLayout(columns: Int) -> [String] {
        ["\\renewcommand{\\arraystretch}{1.4}"] + (columns >= narrowFrom ? ["\\setlength{\\arraycolsep}{2pt}"] : [])
    }

    /// Plain text for LaTeX's text mode: its special characters escaped, `×` as
    /// `$\times$`, and any other character outside ASCII (which pdflatex's
    /// default fonts cannot set) as `?`.
    static func textEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "_", "%", "&", "#", "$": out += "\\" + String(scalar)
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            case "×": out += "$\\times$"
            default: out += scalar.isASCII ? String(scalar) : "?"
            }
        }
        return out
    }
}
