/// One measured figure of `convmat bench` (docs/performance.md names each).
///
/// `ratio` is the value against a bound measured in the same run, oriented so
/// that higher is better (bound time / value time); wall times and peak memory
/// have no bound, and their bound and ratio are nil.
public struct BenchmarkFigure: Sendable, Equatable {
    /// The layer's canonical spec and input shape: `Conv2d(4, 12, kernel_size=5) on 4x14x14`.
    public let caseName: String
    /// `build`, `forward-256`, `input-gradient-256`, `weight-gradient-256`, `sparse-forward-256`, `sparse-backward-256`,
    /// `reference-forward-1`, `density`, `dense-flops`, `sparse-build`, `check`, `check-random-1000` (docs/performance.md).
    public let name: String
    /// `s` for times, `fraction` for the density, `×` for the flop factor.
    public let unit: String
    public let value: Double
    public let boundName: String?
    public let boundValue: Double?
    public let target: Double?
    /// The process's peak resident memory after the figure, in bytes.
    public let peakResidentBytes: Int

    public init(
        caseName: String, name: String, unit: String = "s", value: Double, boundName: String? = nil, boundValue: Double? = nil,
        target: Double? = nil, peakResidentBytes: Int
    ) {
        self.caseName = caseName
        self.name = name
        self.unit = unit
        self.value = value
        self.boundName = boundName
        self.boundValue = boundValue
        self.target = target
        self.peakResidentBytes = peakResidentBytes
    }

    /// bound / value for times: 1 is as fast as the bound.
    public var ratio: Double? {
        guard let boundValue, value > 0 else { return nil }
        return boundValue / value
    }
}

/// The JSON document of `convmat bench --format json`, version 1 (docs/json.md).
public struct BenchmarkReport: Encodable, Sendable {
    public static let version = 1
    public let quick: Bool
    public let cores: Int
    public let blas: String
    public let figures: [BenchmarkFigure]

    public init(quick: Bool, cores: Int, blas: String, figures: [BenchmarkFigure]) {
        self.quick = quick
        self.cores = cores
        self.blas = blas
        self.figures = figures
    }

    enum Key: String, CodingKey { case version, quick, machine, figures }
    enum MachineKey: String, CodingKey { case cores, blas }
    enum FigureKey: String, CodingKey { case `case`, name, unit, value, bound_name, bound_value, ratio, target, peak_rss_bytes }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.version, forKey: .version)
        try c.encode(quick, forKey: .quick)
        var machine = c.nestedContainer(keyedBy: MachineKey.self, forKey: .machine)
        try machine.encode(cores, forKey: .cores)
        try machine.encode(blas, forKey: .blas)
        var list = c.nestedUnkeyedContainer(forKey: .figures)
        for figure in figures {
            var item = list.nestedContainer(keyedBy: FigureKey.self)
            try item.encode(figure.caseName, forKey: .case)
            try item.encode(figure.name, forKey: .name)
            try item.encode(figure.unit, forKey: .unit)
            try item.encode(figure.value, forKey: .value)
            try item.encodeNullable(figure.boundName, forKey: .bound_name)
            try item.encodeNullable(figure.boundValue, forKey: .bound_value)
            try item.encodeNullable(figure.ratio, forKey: .ratio)
            try item.encodeNullable(figure.target, forKey: .target)
            try item.encode(figure.peakResidentBytes, forKey: .peak_rss_bytes)
        }
    }

    /// An aligned table: case, figure, value, bound, ratio against target, peak
    /// memory; each case under its short title (`titles`, keyed by the case's name),
    /// the full specs listed below.
    public func text(titles: [String: String] = [:]) -> String {
        var lines = ["convmat bench\(quick ? " --quick" : ""): \(cores) cores, \(blas)", ""]
        let title = { (name: String) in titles[name] ?? name }
        let caseWidth = max(4, figures.map { title($0.caseName).count }.max() ?? 0)
        let nameWidth = max(6, figures.map(\.name.count).max() ?? 0)
        lines.append(
            "case".padded(to: caseWidth) + "  " + "figure".padded(to: nameWidth) + "  " + "value".leftPadded(to: 10) + "  "
                + "bound".leftPadded(to: 10) + "  " + "ratio".leftPadded(to: 6) + "  " + "target".leftPadded(to: 6) + "  " + "peak RSS".leftPadded(to: 9))
        var previous = ""
        for f in figures {
            let shownCase = f.caseName == previous ? "" : title(f.caseName)
            previous = f.caseName
            lines.append(
                shownCase.padded(to: caseWidth) + "  " + f.name.padded(to: nameWidth) + "  " + Self.value(f).leftPadded(to: 10) + "  "
                    + (f.boundValue.map(Self.seconds) ?? "–").leftPadded(to: 10) + "  "
                    + (f.ratio.map { NumberFormat.compact($0, fractionDigits: 2) } ?? "–").leftPadded(to: 6) + "  "
                    + (f.target.map { "≥ " + NumberFormat.compact($0, fractionDigits: 1) } ?? "–").leftPadded(to: 6) + "  "
                    + MemoryBudget.format(f.peakResidentBytes).leftPadded(to: 9))
        }
        lines += ["", "ratio = bound / value (higher is better); peak RSS is the process's peak after the figure (cases run smallest first)."]
        let named = titles.filter { name, _ in figures.contains { $0.caseName == name } }.sorted { $0.value < $1.value }
        if !named.isEmpty { lines += [""] + named.map { "\($0.value): \($0.key)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A time as ``seconds(_:)``; a fraction or a factor with three significant digits and its unit.
    static func value(_ f: BenchmarkFigure) -> String {
        switch f.unit {
        case "s": seconds(f.value)
        case "×": NumberFormat.compact(f.value, fractionDigits: f.value >= 100 ? 0 : 1) + " ×"
        default: NumberFormat.compact(f.value, fractionDigits: f.value >= 0.01 ? 3 : 5)
        }
    }

    /// `12.3 ms`, `1.24 s`, `850 µs`.
    static func seconds(_ t: Double) -> String {
        if t >= 1 { return NumberFormat.compact(t, fractionDigits: 2) + " s" }
        if t >= 1e-3 { return NumberFormat.compact(t * 1e3, fractionDigits: 1) + " ms" }
        return NumberFormat.compact(t * 1e6, fractionDigits: 0) + " µs"
    }
}
