import Foundation

/// The report `convmat train` prints: the run, the epochs, the final errors, the
/// test set's confusion matrix, the wall time and where it went.
///
///     lenet1989 trained on 1,297 digits, tested on 500: 23 epochs, η = 0.03, batch 1, seed 0
///
///       epoch  loss      train error  test error  seconds
///           1  0.262718      8.87 %     10.20 %     1.31
///     …
///     confusion on the test set (rows: true digit, columns: the network's reading)
extension TrainingResult {
    public var text: String {
        var lines = [header, ""]
        lines += TextTable.columns(
            [["epoch", "loss", "train error", "test error", "seconds"]] + epochs.map(Self.row), rightAligned: [true, true, true, true, true])
        lines += [
            "",
            "  train error  \(Self.percent(trainError))  (\(NumberFormat.count(Int((trainError * Double(trainSize)).rounded()))) of \(NumberFormat.count(trainSize)))",
            "  test error   \(Self.percent(testError))  (\(NumberFormat.count(testMisses)) of \(NumberFormat.count(testSize)))",
            "  test misses  \(NumberFormat.count(testMisses))",
            "  wall time    \(Self.seconds(seconds)) s",
            "",
            "confusion on the test set (rows: true digit, columns: the network's reading)",
        ]
        lines += confusionLines
        lines += ["", "training time by layer (forward, backward and update; evaluations not included)"]
        lines += timeLines
        return lines.joined(separator: "\n") + "\n"
    }

    /// `lenet1989 trained on 1,297 digits, tested on 500: …`.
    var header: String {
        "\(network) trained on \(NumberFormat.count(trainSize)) digits, tested on \(NumberFormat.count(testSize)): "
            + "\(options.epochs) epoch\(options.epochs == 1 ? "" : "s"), η = \(NumberFormat.significant(options.learningRate)), "
            + "batch \(options.batch), seed \(options.seed)"
    }

    /// The 10 × 10 counts with the digits along both edges.
    var confusionLines: [String] {
        let header = [""] + (0..<confusion.count).map(String.init)
        let rows = confusion.enumerated().map { t, counts in [String(t)] + counts.map(String.init) }
        return TextTable.columns([header] + rows, rightAligned: Array(repeating: true, count: header.count))
    }

    /// Each layer's form, seconds and share of the training time.
    var timeLines: [String] {
        let total = layerTimes.reduce(0) { $0 + $1.seconds }
        let rows = layerTimes.map { time in
            [time.name, time.form, Self.seconds(time.seconds) + " s", total > 0 ? String(format: "%.1f %%", 100 * time.seconds / total) : "-"]
        }
        return TextTable.columns(rows + [["total", "", Self.seconds(total) + " s", ""]], rightAligned: [false, false, true, true])
    }

    /// The progress line of one epoch: `epoch 3/23  loss 0.0421  train 2.31 %  test 4.60 %  1.3 s`.
    public static func progressLine(_ epoch: TrainingEpoch, of total: Int) -> String {
        "epoch \(epoch.epoch)/\(total)  loss \(String(format: "%.6f", epoch.loss))  train \(percent(epoch.trainError))  "
            + "test \(percent(epoch.testError))  \(seconds(epoch.seconds)) s"
    }

    private static func row(_ epoch: TrainingEpoch) -> [String] {
        [String(epoch.epoch), String(format: "%.6f", epoch.loss), percent(epoch.trainError), percent(epoch.testError), seconds(epoch.seconds)]
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.2f %%", 100 * fraction) }

    static func seconds(_ value: Double) -> String { String(format: "%.2f", value) }
}
