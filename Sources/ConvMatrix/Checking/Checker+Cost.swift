/// What a check of one layer holds and does, estimated before the matrix form is built.
extension Checker {
    /// Per tracked tap of the structure proof: the formal linear forms the
    /// reference builds (a dictionary entry per product, ~100 ns each) and the
    /// expected coefficients they are compared with.
    static let symbolicTermRate = ResourceEstimate.Rate(bytes: 256, work: 2_000)
    /// Per unit and parameter of the structure proof: its formal variable.
    static let symbolicUnitRate = ResourceEstimate.Rate(bytes: 160, work: 200)
    /// Per tap of a naive reference pass (forward or a gradient).
    static let referenceTapRate = ResourceEstimate.Rate(bytes: 0, work: 20)

    /// The check's peak and work for `layer`:
    ///
    ///     bytes = parameters + terms + 4 dense Wᵀ
    ///             (integer, real and given weights, and |Wᵀ| for the rounding bounds)
    ///             + the structure proof's formal forms
    ///     work  = the structure proof + 8 reference passes
    ///             + 2 energies (a perturbed copy of y each) per perturbed input and parameter
    ///
    /// with at most ``finiteDifferenceSample`` inputs and parameters perturbed:
    /// y is linear in both, so no perturbation rebuilds Wᵀ.
    public static func estimate(for layer: any Layer) -> ResourceEstimate {
        if SparsePath.applies(to: layer) { return sparseEstimate(for: layer) }
        let tracked = min(layer.entryCountBound, defaultStructureTapLimit)
        let symbolicUnits = saturatingSum(layer.input.count, saturatingSum(layer.output.count, layer.weightParameterCount))
        let proof = ResourceEstimate(tracked, at: symbolicTermRate) + ResourceEstimate(symbolicUnits, at: symbolicUnitRate)
        let references = ResourceEstimate(layer.entryCountBound, at: referenceTapRate).repeated(8)
        let energy = ResourceEstimate.Rate(bytes: 0, work: 8)
        let perturbations = min(layer.input.count, finiteDifferenceSample) + min(layer.layerParameterCount, finiteDifferenceSample)
        let perturbed = ResourceEstimate(layer.output.count, at: energy).repeated(2 * perturbations)
        let matrices = ResourceEstimate(bytes: saturatingProduct(4, layer.denseEstimate.bytes), work: 8 * layer.denseEstimate.work)
        return layer.parameterEstimate + layer.structureEstimate + matrices + proof
            + references + perturbed
    }
}

extension Checker {
    /// Per weight on the sparse path: no names, only values, 8 bytes each: the
    /// integer, real and given weights, and one |v| at a time for the bounds
    /// (AlexNet's fc6, 37,748,736 weights: peak 1.2 GB with its 302 MB compressed form).
    static let sparseParameterRate = ResourceEstimate.Rate(bytes: 32, work: 50)
    /// Per unit of one evaluation of f or one pass over a vector (the points' checks).
    static let pointUnitRate = ResourceEstimate.Rate(bytes: 0, work: 10)

    /// The sparse path's peak and work (Checker+Sparse.swift):
    ///
    ///     bytes = the weights' values + the compressed form + 24 vectors of the units
    ///             (the data, the passes' outputs, each SparseLayer's o + b)
    ///             + the structure sample's formal variables and forms
    ///     work  = the reference on its samples (``SparseCheckSample``, at the kind's
    ///             ``Layer/sampledReferenceCost``) + 8 sparse passes + the sampled rows'
    ///             formal sums + at a point, 2 evaluations of f and one sparse pass
    ///             per perturbed direction (at most ``finiteDifferenceSample``)
    static func sparseEstimate(for layer: any Layer) -> ResourceEstimate {
        let weights = ResourceEstimate(layer.layerParameterCount, at: sparseParameterRate)
        let compressed = ResourceEstimate(bytes: CompressedMatrixForm.estimatedBytes(for: layer), work: 10 * Double(layer.entryCountBound))
        let vectors = ResourceEstimate(bytes: saturatingProduct(24 * MemoryLayout<Double>.size, saturatingSum(layer.input.count, layer.output.count)), work: 0)
        let cost = layer.sampledReferenceCost
        let rows = min(layer.output.count, sparseStructureRowLimit(layer))
        let formal = cost.forwardPerUnit.map { saturatingProduct(rows, max(1, $0)) } ?? layer.wholeReferenceTaps
        let proof = ResourceEstimate(formal, at: symbolicTermRate) + ResourceEstimate(cost.formalVariables, at: symbolicUnitRate)
        let references = ResourceEstimate(sparseReferenceTaps(for: layer), at: referenceTapRate)
        let passes = ResourceEstimate(bytes: 0, work: 16 * Double(layer.entryCountBound))
        return weights + compressed + vectors + proof + references + passes + pointEstimate(for: layer)
    }

    /// At a point: f(x) and its reference once, then per perturbed direction f(x ± h·e_k)
    /// and J(x)·e_k (a sparse pass over the entries and a vector of each side).
    static func pointEstimate(for layer: any Layer) -> ResourceEstimate {
        guard layer.isInputDependent else { return .zero }
        let evaluation = saturatingSum(layer.wholeReferenceTaps, layer.entryCountBound)
        let directions = min(layer.input.count, finiteDifferenceSample)
        return ResourceEstimate(bytes: saturatingProduct(6 * MemoryLayout<Double>.size, saturatingSum(layer.input.count, layer.output.count)), work: 0)
            + ResourceEstimate(evaluation, at: pointUnitRate).repeated(3 * directions + 2)
    }
}

extension Checker {
    /// The taps the sparse path's reference visits on its samples (see ``sparseEstimate(for:)``):
    /// 3 forwards and the offset on the sampled output units, 2 input gradients on the
    /// sampled input units, one weight gradient on the sampled weights; a whole pass
    /// for each call of a kind whose sampled reference is the whole one.
    static func sparseReferenceTaps(for layer: any Layer) -> Int {
        let cost = layer.sampledReferenceCost
        let whole = layer.wholeReferenceTaps
        let outputs = min(layer.output.count, SparseCheckSample.outputUnitLimit)
        let inputs = min(layer.input.count, SparseCheckSample.inputUnitLimit)
        let weights = min(layer.weightParameterCount, SparseCheckSample.parameterLimit)
        let forward = cost.forwardPerUnit.map { saturatingProduct(outputs, max(1, $0)) } ?? whole
        let inputGradient = cost.inputGradientPerUnit.map { saturatingProduct(inputs, $0) } ?? whole
        let weightGradient = weights == 0 ? 0 : cost.weightGradientPerParameter.map { saturatingProduct(weights, $0) } ?? whole
        return saturatingSum(saturatingProduct(4, forward), saturatingSum(saturatingProduct(2, inputGradient), weightGradient))
    }
}

extension Checker {
    /// The most taps that read one extended unit e: per dimension, the taps s with
    /// o·stride + s·dilation = e, which are q = stride / gcd(stride, dilation) apart,
    /// so at most ⌈k/q⌉ of the k (the whole kernel for a layer that is not a convolution).
    static func tapsReadingOneUnit(_ layer: any Layer) -> Int {
        guard let spec = (layer as? Convolution)?.spec else { return max(1, layer.fanIn) }
        return spec.kernelSize.indices.reduce(1) { product, d in
            let q = spec.stride[d] / greatestCommonDivisor(spec.stride[d], spec.dilation[d])
            return product * ((spec.kernelSize[d] + q - 1) / q)
        }
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int { b == 0 ? a : greatestCommonDivisor(b, a % b) }
}

extension RandomCheckRun {
    /// The most configurations one `check --random` run draws: about two minutes
    /// of a release build at ~1 ms a configuration. More is several runs with
    /// other seeds.
    public static let maximumCount = 100_000
}
