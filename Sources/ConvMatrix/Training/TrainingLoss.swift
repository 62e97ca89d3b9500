/// The loss of the recipe (``TrainingOptions``): targets ±1 and the mean squared
/// error over the outputs and the batch, with its gradient.
///
///     t_k^(s) = +1 if k is the label of sample s, else −1
///     E       = 1/(K·B) Σ_s Σ_k (y_k^(s) − t_k^(s))²
///     ∂E/∂y_k^(s) = 2 (y_k^(s) − t_k^(s)) / (K·B)
///
/// for K outputs and B samples (the columns of Y). The class a network reads
/// off y is its largest output, the first of equal ones.
public enum TrainingLoss {
    /// The target column of `label` among `classes` outputs.
    public static func target(label: Int, classes: Int) -> [Double] {
        (0..<classes).map { $0 == label ? 1 : -1 }
    }

    /// E for outputs Y (one column per sample) and their labels.
    public static func loss(outputs y: Matrix, labels: [Int]) -> Double {
        precondition(labels.count == y.columns, "\(labels.count) labels for \(y.columns) samples")
        var sum = 0.0
        for s in 0..<y.columns {
            for k in 0..<y.rows {
                let difference = y[k, s] - (k == labels[s] ? 1 : -1)
                sum += difference * difference
            }
        }
        return sum / Double(y.rows * y.columns)
    }

    /// ∂E/∂Y, Y's shape.
    public static func outputGradient(outputs y: Matrix, labels: [Int]) -> Matrix {
        precondition(labels.count == y.columns, "\(labels.count) labels for \(y.columns) samples")
        var gradient = Matrix(rows: y.rows, columns: y.columns)
        let scale = 2 / Double(y.rows * y.columns)
        for s in 0..<y.columns {
            for k in 0..<y.rows { gradient[k, s] = scale * (y[k, s] - (k == labels[s] ? 1 : -1)) }
        }
        return gradient
    }

    /// The class of each column: the index of its largest output.
    public static func predictions(_ y: Matrix) -> [Int] {
        (0..<y.columns).map { s in
            var best = 0
            for k in 1..<max(1, y.rows) where y[k, s] > y[best, s] { best = k }
            return best
        }
    }
}
