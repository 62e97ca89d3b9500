/// Python's `None` where ``SpecArguments`` would read "not given".
///
/// ``SpecArguments`` treats an explicit `None` as the default, which is right for
/// PyTorch's `stride=None`. For an argument whose PyTorch meaning of `None` is not
/// its default (`Linear(…, bias=None)` builds no bias: `if bias:`), a kind refuses
/// it instead of silently disagreeing with PyTorch.
extension SpecCall {
    /// The `None` written for the argument `name` at 0-based `position` (by keyword or by position), or nil.
    func explicitNone(for name: String, position: Int) -> SpecValue? {
        let byKeyword = arguments.first { $0.keyword == name }?.value
        let byPosition = arguments.indices.contains(position) && arguments[position].keyword == nil ? arguments[position].value : nil
        guard let value = byKeyword ?? byPosition, value.isNone else { return nil }
        return value
    }

    /// Throws on `name` when it is written as `None`, saying `reason`.
    func refuseNone(_ name: String, position: Int, _ reason: String) throws(ConvMatrixError) {
        if let value = explicitNone(for: name, position: position) { throw value.error(name, reason) }
    }
}
