extension ConvMatrixError {
    /// The same fault, named by what the file is for instead of by its path.
    ///
    /// The file code reports a fault on the path it was handed; a public entry
    /// point that knows what the file is for (`weight`, `x`, `output`) turns
    ///
    ///     /tmp/w.npy: cannot read: No such file or directory
    ///
    /// into the one line the CLI prints, whose FIELD stays a name whatever the path holds:
    ///
    ///     weight: '/tmp/w.npy': cannot read: No such file or directory
    ///
    /// Errors that already name another field are returned unchanged.
    func naming(_ newField: String, forPath path: String) -> ConvMatrixError {
        guard kind == .file, field == EchoedText.escaped(path), newField != field else { return self }
        return ConvMatrixError(.file, field: newField, reason: "\(EchoedText.quoted(path)): \(reason)")
    }
}
