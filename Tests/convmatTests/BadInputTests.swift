import Testing

/// Bad input from a user: exit status 2, nothing on stdout and exactly one line on
/// stderr, `convmat: error: FIELD: REASON`, naming the field to change, with no
/// character a terminal would act on.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let field: String
        /// A part of the reason the line must contain, if any.
        var says: String? = nil
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let layer = ["Conv1d(1, 1, 3, bias=False)", "--input", "1x8"]

    static let specCases: [Case] = [
        Case(arguments: ["show", "Conv1d(1, 1, 5)", "--input", "1x4"], field: "kernel_size"),
        Case(arguments: ["show", "Conv1d(1, 1, 3, stride=0)", "--input", "1x4"], field: "stride"),
        Case(arguments: ["show", "Conv1d(3, 2, 3, groups=2)", "--input", "3x6"], field: "groups"),
        Case(arguments: ["show", "Conv1d(1, 1, 3, stride=2, padding='same')", "--input", "1x6"], field: "padding"),
        Case(arguments: ["show", "Conv1d(2, 3, 3)", "--input", "3x6"], field: "input"),
        Case(arguments: ["show", "Conv1d(2, 3, kernal_size=3)", "--input", "2x6"], field: "kernal_size"),
        Case(arguments: ["show", "Conv1d(2, 3, 3)", "--input", "2x6x"], field: "input"),
        Case(arguments: ["show", "Conv1d(1, 1, 3)", "--input", "-1x8"], field: "input"),
        Case(arguments: ["show", "Conv1d(1, 1, 3, padding=3, padding_mode='reflect')", "--input", "1x3"], field: "padding"),
        Case(
            arguments: ["show", "Conv1d(1, 1, 3, padding_mode='a\r\u{1b}[2J\u{7f}\u{2028}b')", "--input", "1x8"], field: "padding_mode",
            says: "'a\\r\\x1b[2J\\x7f\\u2028b'"),
        Case(arguments: ["show", "Conv1d(1, 1, 3, padding='\u{202e}x')", "--input", "1x8"], field: "padding", says: "'\\u202ex'"),
    ]

    static let fileAndBudgetCases: [Case] = [
        Case(arguments: ["show", "Conv2d(4, 12, 5)", "--input", "4x14x14", "--max-memory", "1K"], field: "max-memory"),
        Case(
            arguments: ["show", "Conv1d(2, 3, 3)", "--input", "2x6", "--weight", "/nonexistent/w.npy"], field: "weight",
            says: "'/nonexistent/w.npy': cannot read"),
        Case(
            arguments: ["show", "Conv1d(2, 3, 3)", "--input", "2x6", "--weight", "/nonexistent/\r\u{1b}w.npy"], field: "weight",
            says: "'/nonexistent/\\r\\x1bw.npy': cannot read"),
        Case(arguments: ["spectrum", "Conv1d(1, 1, 3)", "--input", "1x8", "--max-flops", "lots"], field: "max-flops"),
        Case(arguments: ["spectrum", "Conv2d(4, 12, 5)", "--input", "4x28x28"], field: "max-flops"),
        Case(arguments: ["invert", "Conv2d(4, 12, 5)", "--input", "4x28x28"], field: "max-flops"),
        Case(arguments: ["invert", "Conv1d(1, 1, 3)", "--input", "1x8", "--x", "/nonexistent/x.npy"], field: "x", says: "'/nonexistent/x.npy': cannot read"),
        Case(
            arguments: ["spectrum", "Conv1d(1, 1, 3, padding=1)", "--input", "1x8", "--method", "fourier"], field: "method",
            says: "the Fourier method needs circular padding"),
        Case(arguments: ["spectrum"] + layer + ["--kernel", "1,2"], field: "kernel"),
        Case(arguments: ["spectrum"] + layer + ["--kernel", "1,nan,2"], field: "kernel"),
        Case(arguments: ["spectrum", "Conv1d(1, 1, 3)", "--input", "1x8", "--kernel", "1,2,1"], field: "kernel"),
    ]

    /// Every enumerated option: the bad value, the flag and every choice on one line.
    static let choiceCases: [Case] = [
        Case(
            arguments: ["show"] + layer + ["--format", "pdf"], field: "format",
            says: "'pdf' is not a format; choose one of text, json, latex, markdown, csv, svg, npy"),
        Case(arguments: ["show"] + layer + ["--format=p\ndf"], field: "format", says: "'p\\ndf' is not a format"),
        Case(arguments: ["show"] + layer + ["--entries", "x"], field: "entries", says: "choose one of symbolic, numeric"),
        Case(arguments: ["show"] + layer + ["--order", "x"], field: "order", says: "choose one of maps, positions"),
        Case(arguments: ["show"] + layer + ["--what", "x"], field: "what", says: "choose one of matrix, tie, valid, padding"),
        Case(arguments: ["show"] + layer + ["--values", "x"], field: "values", says: "choose one of random, integers"),
        Case(arguments: ["spectrum"] + layer + ["--method", "spectral"], field: "method", says: "choose one of auto, dense, fourier"),
        Case(arguments: ["spectrum"] + layer + ["--format", "png"], field: "format", says: "choose one of text, json, svg"),
        Case(arguments: ["check"] + layer + ["--format", "xml"], field: "format", says: "choose one of text, json"),
        Case(arguments: ["invert"] + layer + ["--format", "csv"], field: "format", says: "choose one of text, json"),
        Case(arguments: ["demo", "nonexistent"], field: "name", says: "'nonexistent' is not a demo; choose one of slide, border-modes"),
    ]

    /// Options that take numbers read a negative number as their value, and say what is wrong with it.
    static let numberCases: [Case] = [
        Case(arguments: ["show"] + layer + ["--seed", "-1"], field: "seed", says: "'-1' is not a whole number from 0 to 18446744073709551615"),
        Case(arguments: ["show"] + layer + ["--seed", "x"], field: "seed", says: "'x' is not a whole number"),
        Case(arguments: ["check"] + layer + ["--seed", "-1"], field: "seed", says: "'-1' is not a whole number"),
        Case(arguments: ["invert"] + layer + ["--x-seed", "-1"], field: "x-seed", says: "'-1' is not a whole number"),
        Case(arguments: ["invert"] + layer + ["--lambda", "-1"], field: "lambda", says: "'-1' is negative; λ must be ≥ 0"),
        Case(arguments: ["invert"] + layer + ["--lambda=-1"], field: "lambda", says: "negative"),
        Case(arguments: ["invert"] + layer + ["--lambda", "nan"], field: "lambda", says: "not finite"),
        Case(arguments: ["invert"] + layer + ["--noise", "-1"], field: "noise", says: "'-1' is negative"),
        Case(arguments: ["invert"] + layer + ["--noise=-1"], field: "noise", says: "'-1' is negative"),
        Case(arguments: ["invert"] + layer + ["--noise", "lots"], field: "noise", says: "'lots' is not a number"),
        Case(arguments: ["invert"] + layer + ["--rcond=inf"], field: "rcond", says: "not finite"),
        Case(arguments: ["invert"] + layer + ["--rcond", "-1"], field: "rcond", says: "negative"),
        Case(arguments: ["show"] + layer + ["--max-memory", "-1"], field: "max-memory", says: "'-1'"),
        Case(arguments: ["spectrum"] + layer + ["--max-flops", "-1"], field: "max-flops", says: "'-1'"),
        Case(arguments: ["check", "--random", "-1"], field: "random", says: "'-1' is not a whole number ≥ 1"),
        Case(arguments: ["check", "--random", "0"], field: "random", says: "'0' is not a whole number ≥ 1"),
        Case(arguments: ["show"] + layer + ["--block", "-1,2"], field: "block", says: "got '-1,2'"),
    ]

    /// ArgumentParser's own errors, each with a field.
    static let parserCases: [Case] = [
        Case(arguments: ["show"] + layer + ["--bogus"], field: "option", says: "'--bogus' is not an option of show"),
        Case(arguments: ["show"] + layer + ["--bo\u{1b}gus"], field: "option", says: "'--bo\\x1bgus'"),
        Case(arguments: ["-x"], field: "option"),
        Case(arguments: ["show"] + layer + ["--seed"], field: "seed", says: "--seed needs a value"),
        Case(arguments: ["show", "Conv1d(1, 1, 3)", "--input", "--format", "json"], field: "input", says: "the next argument is the option '--format'"),
        Case(arguments: ["show"] + layer + ["--seed", "--format", "json"], field: "seed", says: "--seed needs a value"),
        Case(arguments: ["show"] + layer + ["--max-memory", "--factor"], field: "max-memory", says: "--max-memory needs a value"),
        Case(arguments: ["show", "Conv1d(1, 1, 3)"], field: "input", says: "--input is required"),
        Case(arguments: ["show"], field: "spec"),
        Case(arguments: ["show", "Conv1d(1, 1, 3)", "1x8", "--input", "1x8"], field: "argument", says: "'1x8' is unexpected"),
        Case(arguments: ["show"] + layer + ["--factor=3"], field: "factor", says: "takes no value"),
        Case(
            arguments: ["sho"] + layer, field: "subcommand",
            says: "'sho' is not a command; did you mean 'show'? (show, check, spectrum, invert, demo, networks, count, bench, train, explore)"),
        Case(arguments: ["chekc"] + layer, field: "subcommand", says: "did you mean 'check'?"),
        Case(arguments: ["nonexistent"], field: "subcommand", says: "the commands are show, check, spectrum, invert, demo, networks, count"),
        Case(arguments: ["help", "bogus"], field: "subcommand", says: "'bogus' is not a command"),
    ]

    /// The rules of validate(): each on the flag to change.
    static let ruleCases: [Case] = [
        Case(arguments: ["show"] + layer + ["--weight", "w.npy", "--values", "integers"], field: "values"),
        Case(arguments: ["show"] + layer + ["--weight", "w.npy", "--kernel", "1,2,1"], field: "kernel"),
        Case(arguments: ["spectrum"] + layer + ["--kernel", "1,2,1", "--values", "integers"], field: "values"),
        Case(arguments: ["show"] + layer + ["--bias", "b.npy"], field: "bias", says: "--bias goes with --weight"),
        Case(arguments: ["show"] + layer + ["--standalone"], field: "standalone", says: "--standalone goes with --format latex, not text"),
        Case(arguments: ["show"] + layer + ["--spy", "--format", "latex"], field: "spy", says: "goes with --format svg"),
        Case(arguments: ["show"] + layer + ["--what", "valid"], field: "what", says: "goes with --format npy"),
        Case(arguments: ["show"] + layer + ["--block", "1,1", "--format", "json"], field: "block", says: "goes with --format text"),
        Case(arguments: ["show"] + layer + ["--block", "1,1", "--factor"], field: "block"),
        Case(arguments: ["show"] + layer + ["--block", "x"], field: "block", says: "got 'x'"),
        Case(arguments: ["show"] + layer + ["--beamer"], field: "beamer", says: "--beamer goes with --format latex, not text"),
        Case(arguments: ["show"] + layer + ["--format", "latex", "--beamer", "--standalone"], field: "beamer", says: "give one of them"),
        Case(arguments: ["show"] + layer + ["--block", "1,1", "--format", "csv"], field: "block", says: "text, latex or svg"),
        Case(arguments: ["show"] + layer + ["--block", "1,1", "--format", "svg", "--order", "positions"], field: "order"),
        Case(arguments: ["show"] + layer + ["--block", "2,1", "--format", "latex"], field: "block", says: "outside the 1×1 blocks"),
        Case(arguments: ["show"] + layer + ["--block", "1,2", "--format", "svg"], field: "block", says: "outside the 1×1 blocks"),
        Case(arguments: ["show", "Conv2d(4, 12, 5)", "--input", "4x14x14", "--format", "latex"], field: "format", says: "--block j,i"),
        Case(
            arguments: ["show", "Conv2d(4, 12, 5)", "--input", "4x14x14", "--format", "latex", "--block", "1,1", "--beamer"],
            field: "format", says: "pdflatex's main memory"),
        Case(arguments: ["show", "Linear(400, 2)", "--input", "400", "--format", "latex", "--standalone"], field: "format", says: "400 columns"),
        Case(arguments: ["show"] + layer + ["--factor", "--format", "csv"], field: "factor", says: "not csv"),
        Case(arguments: ["show"] + layer + ["--factor", "--format", "npy", "--output", "/tmp/never.npy"], field: "factor", says: "--what"),
        Case(
            arguments: ["show"] + layer + ["--format", "npy", "--what", "valid", "--factor", "--output", "/tmp/never.npy"], field: "factor",
            says: "--what valid already chooses"),
        Case(arguments: ["show"] + layer + ["--factor", "--order", "positions"], field: "order", says: "--factor shows the maps order only"),
        Case(
            arguments: ["show"] + layer + ["--order", "positions", "--block", "7,1"], field: "block",
            says: "7,1 is outside the 6 × 8 blocks of Wᵀ in positions order"),
        Case(arguments: ["show"] + layer + ["--standalone", "--output", "/tmp/never.svg"], field: "standalone", says: "not svg"),
        Case(arguments: ["show"] + layer + ["--order", "positions", "--format", "html"], field: "order", says: "not html"),
        Case(arguments: ["show"] + layer + ["--factor", "--format", "html"], field: "factor", says: "not html"),
        Case(arguments: ["show", "Conv2d(3, 96, 11, stride=4)", "--input", "3x227x227", "--format", "html"], field: "max-memory", says: "html output"),
        Case(arguments: ["show", "Conv1d(1, 1, 3, stride=1)", "--input", "1x300000", "--format", "html"], field: "format", says: "draws every nonzero"),
        Case(arguments: ["explore", "--port", "70000"], field: "port", says: "70000 is not a port"),
        Case(arguments: ["explore", "--port", "x"], field: "port"),
        Case(arguments: ["explore", "Conv1d(1, 1, 3)"], field: "input", says: "--input is required"),
        Case(arguments: ["explore", "--input", "1x8"], field: "input", says: "goes with a SPEC"),
        Case(arguments: ["explore", "Conv1d(1, 1, 9)", "--input", "1x4"], field: "kernel_size"),
        Case(arguments: ["explore", "./networks/lenet.net"], field: "spec", says: "the explorer reads no files"),
        Case(arguments: ["show"] + layer + ["--order", "positions", "--format", "npy", "--output", "w.npy"], field: "order", says: "not npy"),
        Case(arguments: ["check"], field: "spec"),
        Case(arguments: ["check", "Conv1d(1, 1, 3)"], field: "input"),
        Case(arguments: ["check"] + layer + ["--random", "3"], field: "random", says: "drop SPEC"),
        Case(arguments: ["check", "--random", "3", "--kernel", "1,2,1"], field: "random", says: "drop --kernel"),
    ]

    /// The layer kinds beyond the convolution: PyTorch's rules and ConvMatrix's own, each one line.
    static let kindCases: [Case] = [
        Case(arguments: ["show", "AvgPool2d(3, padding=2)", "--input", "1x6x6"], field: "padding", says: "at most half"),
        Case(arguments: ["show", "AvgPool1d(2, divisor_override=2)", "--input", "1x4"], field: "divisor_override", says: "has no argument"),
        Case(arguments: ["show", "AvgPool2d((2, 2, 2))", "--input", "1x4x4"], field: "kernel_size", says: "one per spatial dimension of a 2-D layer"),
        Case(arguments: ["show", "AdaptiveAvgPool1d(0)", "--input", "1x4"], field: "output_size"),
        Case(arguments: ["show", "GlobalSumPool(dim=1)", "--input", "1x4"], field: "dim", says: "it takes no arguments"),
        Case(arguments: ["show", "Linear(6, 3)", "--input", "4x5"], field: "input", says: "not in_features 6"),
        Case(arguments: ["show", "Flatten(start_dim=0)", "--input", "2x3"], field: "start_dim"),
        Case(arguments: ["show", "Identity(3)", "--input", "3"], field: "spec", says: "takes no arguments"),
        Case(arguments: ["show", "ConvTranspose1d(1, 1, 3, stride=2, output_padding=2)", "--input", "1x4"], field: "output_padding"),
        Case(arguments: ["show", "ConvTranspose1d(1, 1, 3, padding='same')", "--input", "1x4"], field: "padding"),
        Case(arguments: ["show", "Conv2d(3, 2, 3, connections=[[0, 5], [1]])", "--input", "3x5x5"], field: "connections", says: "outside"),
        Case(arguments: ["show", "Conv2d(3, 2, 3, groups=1, connections=[[1, 0], [1]])", "--input", "3x5x5"], field: "connections"),
        Case(arguments: ["show", "Conv1d(1, 1, 3, bias='tied')", "--input", "1x4"], field: "bias"),
        Case(arguments: ["show", "LPPool2d(2, 2)", "--input", "1x4x4"], field: "layer", says: "unknown layer"),
        Case(arguments: ["show", "MaxPool2d(2, return_indices=True)", "--input", "1x4x4"], field: "return_indices", says: "one output"),
        Case(arguments: ["show", "MaxPool1d(2, padding=1, dilation=2)", "--input", "1x1"], field: "dilation", says: "only padding"),
        Case(arguments: ["show", "Linear(3, 2)", "--input", "3", "--factor"], field: "factor"),
        Case(arguments: ["show", "Linear(3, 2)", "--input", "3", "--format", "npy", "--what", "valid", "--output", "/tmp/x.npy"], field: "what"),
        Case(arguments: ["show", "Linear(3, 2, bias=False)", "--input", "3", "--kernel", "1,2"], field: "kernel"),
    ]

    /// Network files (docs/networks.md): each fault on field `network`, naming its line.
    static let networkCases: [Case] = [
        Case(arguments: ["count", "nonexistent-network"], field: "network", says: "is not a shipped network (lenet1989,"),
        Case(arguments: ["count", "/dev/null"], field: "network", says: "cannot read: not a regular file"),
        Case(
            arguments: ["count", "lenet1989", "--input", "1x17x17"], field: "network",
            says: "line 12, column 5: input: the last extent 300 of 300 is not in_features 192"),
        Case(arguments: ["count", "dna-string-kernel", "--input", "3x12"], field: "network", says: "line 5, column 9: input: 3x12 has 3 channels"),
        Case(arguments: ["count", "dna-string-kernel", "--input", "4x2"], field: "network", says: "line 5, column 9: kernel_size:"),
        Case(arguments: ["count", "lenet1989", "--format", "csv"], field: "format", says: "choose one of text, json"),
        Case(arguments: ["count", "lenet1989", "--max-memory", "lots"], field: "max-memory"),
        Case(arguments: ["count"], field: "network"),
        Case(arguments: ["networks", "extra"], field: "argument", says: "'extra' is unexpected"),
        Case(arguments: ["train", "lenet1989", "extra"], field: "argument", says: "train takes one NETWORK"),
        Case(arguments: ["count", "lenet1989", "extra"], field: "argument", says: "count takes one NETWORK"),
        Case(arguments: ["check", "lenet1989", "extra"], field: "argument", says: "check takes one layer SPEC or NETWORK"),
    ]

    /// A layer on the sparse path (AlexNet's conv1): what the compressed form cannot give, and the
    /// streamed JSON's time guard, both refused before anything is built.
    static let sparseCases: [Case] = [
        Case(
            arguments: ["show", "Conv2d(3, 96, 11, stride=4)", "--input", "3x227x227", "--format", "csv"], field: "max-memory",
            says: "--format svg --spy or --format json, built from the sparse form"),
        Case(
            arguments: ["show", "Conv2d(3, 96, 11, stride=4)", "--input", "3x227x227", "--format", "json"], field: "max-flops",
            says: "the sparse json output of Conv2d(3, 96, kernel_size=11, stride=4) on 3x227x227 would take about"),
    ]

    /// `show --view kernels`: svg only, one layer with kernels, not with the matrix's own flags.
    static let kernelViewCases: [Case] = [
        Case(arguments: ["show", "Conv1d(1, 2, 3)", "--input", "1x5", "--view", "kernels"], field: "view", says: "--view kernels draws svg"),
        Case(arguments: ["show", "Linear(3, 2)", "--input", "3", "--view", "kernels", "--format", "svg"], field: "view", says: "has no kernels"),
        Case(arguments: ["show", "lenet1989", "--view", "kernels", "--format", "svg"], field: "view", says: "add --layer NAME"),
        Case(arguments: ["show", "Conv1d(1, 2, 3)", "--input", "1x5", "--view", "kernels", "--format", "svg", "--spy"], field: "spy"),
        Case(arguments: ["show", "Conv1d(1, 2, 3)", "--input", "1x5", "--view", "weights"], field: "view"),
    ]

    /// `show NETWORK --view receptive-field`: json only, a NETWORK, not with one layer's flags; AlexNet too big.
    static let receptiveFieldCases: [Case] = [
        Case(arguments: ["show", "alexnet", "--view", "receptive-field", "--format", "json"], field: "view", says: "above the 4,000,000 the view holds"),
        Case(arguments: ["show", "lenet1989", "--view", "receptive-field"], field: "view", says: "writes json; add --format json"),
        Case(
            arguments: ["show", "Conv1d(1, 2, 3)", "--input", "1x5", "--view", "receptive-field", "--format", "json"], field: "view",
            says: "give a NETWORK, not a layer SPEC"),
        Case(arguments: ["show", "lenet1989", "--view", "receptive-field", "--format", "json", "--layer", "H1"], field: "layer", says: "structural"),
        Case(arguments: ["show", "lenet1989", "--view", "receptive-field", "--format", "json", "--x-seed", "2"], field: "x-seed"),
        Case(arguments: ["show", "lenet1989", "--view", "receptive-field", "--format", "json", "--max-memory", "1K"], field: "max-memory"),
    ]

    /// `check NETWORK`: the network's faults, the size guard, and the layer-only options.
    static let networkCheckCases: [Case] = [
        Case(arguments: ["check", "nonexistent-network"], field: "network", says: "is not a shipped network (lenet1989,"),
        Case(arguments: ["check", "alexnet", "--max-memory", "1G"], field: "max-memory", says: "checking alexnet on 3x227x227 would take about"),
        Case(arguments: ["check", "alexnet", "--max-memory", "8G"], field: "max-flops", says: "checking alexnet on 3x227x227 would take about"),
        Case(arguments: ["check", "lenet1989", "--max-flops", "1e6"], field: "max-flops", says: "checking lenet1989 on 1x16x16"),
        Case(arguments: ["check", "dna-string-kernel", "--input", "4x2"], field: "network", says: "line 5, column 9: kernel_size:"),
        Case(arguments: ["check", "dna-string-kernel", "--input", "4x"], field: "input"),
        Case(arguments: ["check", "resnet-basic-block", "--weight", "w.npy"], field: "weight", says: "--weight goes with a layer SPEC"),
        Case(arguments: ["check", "resnet-basic-block", "--x-seed", "3"], field: "x-seed", says: "goes with a layer SPEC"),
        Case(arguments: ["check", "resnet-basic-block", "--format", "csv"], field: "format", says: "choose one of text, json"),
        Case(arguments: ["check", "resnet-basic-block", "--random", "2"], field: "random", says: "drop SPEC"),
    ]

    /// show NETWORK (docs/networks.md, "Showing a network"): each refusal on the flag to change.
    static let networkShowCases: [Case] = [
        Case(arguments: ["show", "lenet1989", "--layer", "H9"], field: "layer", says: "'H9' is not a layer of lenet1989; its layers are H1, ScaledTanh_1"),
        Case(arguments: ["show", "lenet1989", "--format", "latex"], field: "format", says: "a network shows as text, json or svg"),
        Case(arguments: ["show", "lenet1989", "--layer", "H1", "--product"], field: "product"),
        Case(arguments: ["show", "lenet1989", "--weight", "w.npy"], field: "weight", says: "--weights DIR"),
        Case(arguments: ["show", "lenet1989", "--weights", "/nonexistent"], field: "weights", says: "H1.weight.npy"),
        Case(arguments: ["show", "lenet1989", "--weights", "/tmp", "--values", "integers"], field: "values"),
        Case(arguments: ["show", "lenet1989", "--x-seed", "2"], field: "x-seed", says: "--layer NAME or --product"),
        Case(arguments: ["show", "lenet1989", "--layer", "H1", "--x-seed", "2"], field: "x-seed", says: "is linear"),
        Case(arguments: ["show", "lenet1989", "--block", "1,1"], field: "block", says: "add --layer NAME"),
        Case(arguments: ["show", "lenet1989", "--layer", "H1", "--x", "/nonexistent/x.npy"], field: "x"),
        Case(arguments: ["show", "lenet1989", "--product", "--x", "/nonexistent/x.npy"], field: "x", says: "cannot read"),
        Case(arguments: ["show", "alexnet", "--product"], field: "max-memory"),
        Case(arguments: ["show", "alexnet", "--layer", "ReLU_1"], field: "max-memory"),
        Case(arguments: ["show", "nonexistent-network"], field: "network", says: "is not a shipped network"),
        Case(arguments: ["show", "Conv1d(1, 1, 3)", "--input", "1x8", "--layer", "H1"], field: "layer", says: "goes with a NETWORK"),
        Case(arguments: ["show", "Conv1d(1, 1, 3)", "--input", "1x8", "--product"], field: "product"),
        Case(arguments: ["spectrum", "lenet1989"], field: "spec", says: "show and check take a network"),
        Case(arguments: ["invert", "lenet1989", "--input", "1x16x16"], field: "spec", says: "is not a layer SPEC"),
    ]

    /// `train NETWORK` (docs/training.md): each flag's range, and networks of other shapes.
    static let trainCases: [Case] = [
        Case(arguments: ["train", "lenet1989", "--epochs", "0"], field: "epochs", says: "from 1 to 1000"),
        Case(arguments: ["train", "lenet1989", "--epochs", "1001"], field: "epochs", says: "from 1 to 1000"),
        Case(arguments: ["train", "lenet1989", "--epochs", "many"], field: "epochs", says: "'many' is not a whole number"),
        Case(arguments: ["train", "lenet1989", "--learning-rate", "0"], field: "learning-rate", says: "finite number > 0"),
        Case(arguments: ["train", "lenet1989", "--learning-rate", "-0.1"], field: "learning-rate", says: "finite number > 0"),
        Case(arguments: ["train", "lenet1989", "--learning-rate", "inf"], field: "learning-rate", says: "finite number > 0"),
        Case(arguments: ["train", "lenet1989", "--learning-rate", "nan"], field: "learning-rate", says: "finite number > 0"),
        Case(arguments: ["train", "lenet1989", "--learning-rate", "fast"], field: "learning-rate", says: "'fast' is not a number"),
        Case(arguments: ["train", "lenet1989", "--batch", "0"], field: "batch", says: "from 1 to 1297"),
        Case(arguments: ["train", "lenet1989", "--batch", "1298"], field: "batch", says: "from 1 to 1297"),
        Case(arguments: ["train", "lenet1989", "--seed", "-1"], field: "seed", says: "is not a whole number from 0"),
        Case(arguments: ["train", "lenet1989", "--epochs"], field: "epochs", says: "needs a value"),
        Case(arguments: ["train", "lenet1989", "--format", "csv"], field: "format", says: "choose one of text, json"),
        Case(arguments: ["train", "lenet1989", "--save", "/dev/null"], field: "save", says: "is a file, not a directory"),
        Case(arguments: ["train", "lenet1989", "--save", ""], field: "save", says: "the path is empty"),
        Case(arguments: ["train", "lenet1989", "--max-memory", "1K"], field: "max-memory"),
        Case(arguments: ["train", "alexnet"], field: "network", says: "needs a network with input 1x16x16 and 10 outputs; alexnet reads 3x227x227"),
        Case(arguments: ["train", "resnet-basic-block"], field: "network", says: "input 1x16x16 and 10 outputs"),
        Case(arguments: ["train", "nonexistent-network"], field: "network", says: "is not a shipped network (lenet1989,"),
        Case(arguments: ["train"], field: "network"),
    ]

    @Test(
        arguments: specCases + fileAndBudgetCases + choiceCases + numberCases + parserCases + ruleCases + kindCases + networkCases
            + networkCheckCases + networkShowCases + sparseCases + trainCases + kernelViewCases + receptiveFieldCases)
    func exitsTwoWithOneLine(_ badCase: Case) throws {
        let result = try CLI.run(badCase.arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasSuffix("\n"), "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("convmat: error: \(badCase.field): "), "stderr: \(result.stderr)")
        if let says = badCase.says { #expect(result.stderr.contains(says), "stderr: \(result.stderr)") }
        let controls = result.stderr.dropLast().unicodeScalars.filter { [.control, .format, .lineSeparator].contains($0.properties.generalCategory) }
        #expect(controls.isEmpty, "stderr: \(result.stderr.debugDescription)")
    }

    @Test func helpExitsZero() throws {
        let result = try CLI.run(["show", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--input"))
    }

    @Test func helpForACommandExitsZero() throws {
        let result = try CLI.run(["help", "show"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: convmat show"))
        #expect(result.stderr.isEmpty)
    }
}
