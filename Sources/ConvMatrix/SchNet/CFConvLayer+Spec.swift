extension CFConvLayer {
    /// The cfconv a spec writes, on `molecule`:
    ///
    ///     CFConv(n_features, n_rbf=300, gamma=10.0, spacing=0.1, cutoff=None, self_interaction=False)
    ///
    /// Arguments bind by Python's rules (``SpecArguments``), n_features required.
    /// CFConv is not in ``LayerRegistry``, whose layers are built from an input
    /// shape alone: a cfconv needs a molecule. So the name is read here, and the
    /// rest of the call by the spec parser.
    ///
    ///     try CFConvLayer(parsing: "CFConv(8, cutoff=3.0)", molecule: Molecule(named: "water")).input   // 8x3
    ///
    /// - Throws: ``ConvMatrixError`` of kind `.spec`: field `layer` for a spec that
    ///   is not a CFConv call, the argument's keyword for a bad value, `spec` for
    ///   a syntax error.
    public init(parsing text: String, molecule: Molecule) throws(ConvMatrixError) {
        var tokens = try SpecLexer.tokens(in: text)
        guard let first = tokens.first, first.kind == .name("CFConv") else {
            throw .spec("layer", "a cfconv spec is CFConv(n_features, n_rbf=300, gamma=10.0, spacing=0.1, cutoff=None, self_interaction=False)", offset: 0)
        }
        // Any registered name lets the parser read the call; the call is CFConv's.
        tokens[0].kind = .name(LayerRegistry.names[0])
        var parser = SpecParser(tokens: tokens)
        var call = try parser.call()
        call.name = "CFConv"
        let arguments = try SpecArguments(
            call, kind: "CFConv", parameters: ["n_features", "n_rbf", "gamma", "spacing", "cutoff", "self_interaction"], required: 1)
        let defaults = SchNetConfiguration()
        let configuration = SchNetConfiguration(
            features: try arguments.integer("n_features"), rbfCount: try arguments.integer("n_rbf", default: defaults.rbfCount),
            gamma: try arguments.real("gamma", default: defaults.gamma) ?? defaults.gamma,
            spacing: try arguments.real("spacing", default: defaults.spacing) ?? defaults.spacing, cutoff: try arguments.real("cutoff", default: nil),
            selfInteraction: try arguments.boolean("self_interaction", default: false), interactions: 1)
        do {
            try self.init(configuration: configuration, molecule: molecule)
        } catch {
            throw arguments.error(error.field, error.reason)
        }
    }
}
