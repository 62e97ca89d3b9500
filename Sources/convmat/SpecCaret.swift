import ArgumentParser
import ConvMatrix

/// A command whose positional SPEC is a layer spec.
protocol TakesLayerSpec {
    /// The SPEC as the user wrote it, if given.
    var layerSpec: String? { get }
}

extension Show: TakesLayerSpec { var layerSpec: String? { layer.spec } }
extension Check: TakesLayerSpec { var layerSpec: String? { spec } }
extension SpectrumCommand: TakesLayerSpec { var layerSpec: String? { layer.spec } }
extension Invert: TakesLayerSpec { var layerSpec: String? { layer.spec } }

/// The caret under a spec error, on terminals:
///
///     convmat: error: kernal_size: unknown keyword; did you mean kernel_size?
///       Conv1d(2, 3, kernal_size=3)
///                    ^
///
/// The spec is the parsed command's SPEC argument, never an argument picked by
/// its text, so `--output /tmp/Conv.json` cannot take its place.
enum SpecCaret {
    /// The SPEC of the parsed `command`, or nil for commands without one.
    static func spec(of command: any ParsableCommand) -> String? {
        (command as? TakesLayerSpec)?.layerSpec
    }

    /// The spec as the terminal shows it (escaped, ``EchoedText``) and the column
    /// under the character at `offset` of the spec as written.
    static func line(_ spec: String, offset: Int) -> (text: String, column: Int) {
        let prefix = String(spec.prefix(max(0, offset)))
        return (EchoedText.escaped(spec), EchoedText.escaped(prefix).count)
    }
}
