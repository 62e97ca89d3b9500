/// The explorer page's inline JavaScript: one function scope, no library, no network
/// but the live explorer's own endpoint.
///
/// The script reads the model (``HtmlExplorerModel``) from the page's
/// `<script id="model">`, builds the DOM of the contract (docs/explorer.md) from
/// it, and lights what a hover names. From the model's `entries` and
/// `entry_parameters` it indexes, once, the entries of each parameter, row and
/// column, so that a hover costs O(what it lights):
///
///     tied(r, c)   = { (r', c') : params(r', c') ∩ params(r, c) ≠ ∅ } ∪ {(r, c)}
///     window(r)    = { c : (r, c) is an entry }      (the input units y_r reads)
///     reach(c)     = { r : (r, c) is an entry }      (the output units x_c feeds)
enum HtmlScript {
    static var source: String {
        ["(function () {", "\"use strict\";", draw, linking, playback, network, live, "})();"].joined(separator: "\n")
    }
}
