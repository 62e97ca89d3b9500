import Testing

@testable import ConvMatrix

/// A max pooling's ties among locked units (constant near x, as a dead ReLU's
/// zeros are) are no kink; a tie that a moving unit joins still is.
@Suite struct MaxPoolingLockedTests {
    static func pool() throws -> MaxPooling {
        try #require(try LayerRegistry.layer(parsing: "MaxPool2d(2)", input: TensorShape(parsing: "1x2x4")) as? MaxPooling)
    }

    /// Window 1 holds x = (0, 0 | 0, 0), window 2 (0.5, 0.25 | 0, 0).
    static let x = [0, 0, 0.5, 0.25, 0, 0, 0, 0.0]

    @Test func aTieAmongLockedUnitsIsNoKink() throws {
        let pool = try Self.pool()
        #expect(pool.nearestKink(to: Self.x)?.distance == 0)
        // Window 1 all locked: constant; window 2's leader 0.5 against the unlocked 0.25.
        let locked = [true, true, false, false, true, true, true, true]
        #expect(pool.nearestKink(to: Self.x, locked: locked)?.distance == 0.125)
        // A locked zero at the maximum with an unlocked zero beside it: a real tie.
        var oneMoves = locked
        oneMoves[1] = false
        #expect(pool.nearestKink(to: Self.x, locked: oneMoves)?.distance == 0)
        // Locked zeros at the maximum and an unlocked −0.5 below: half its gap.
        var below = Self.x
        below[4] = -0.5
        var lockedBelow = locked
        lockedBelow[4] = false
        #expect(pool.nearestKink(to: below, locked: lockedBelow)?.distance == 0.125)
    }

    /// ReLU then max pooling: at a draw whose ReLU kills a whole window, the
    /// network's differences still run (the window's tie at 0 is locked), and pass.
    @Test func aDeadWindowAfterAReluKeepsTheDifferences() throws {
        let network = try Network(parsing: "input 1x8x8\nConv2d(1, 2, 1)\nReLU()\nMaxPool2d(2)\nFlatten()\nLinear(32, 2)\n", name: "dead")
        let windows = (0..<2).flatMap { map in (0..<4).flatMap { i in (0..<4).map { j in [0, 1, 8, 9].map { map * 64 + 16 * i + 2 * j + $0 } } } }
        // The first seed whose x kills a whole window (every ReLU input in it negative).
        let seed = try #require(
            (UInt64(0)..<64).first { seed in
                let materialised = try? MaterialisedNetwork(network, weights: .pytorchDefault(for: network, seed: seed))
                let z = materialised?.trace(NetworkChecker(network: network, seed: seed).drawX(attempt: 0)).inputs["ReLU_1"] ?? []
                return windows.contains { window in window.allSatisfy { z[$0] < 0 } }
            })
        let report = try NetworkChecker(network: network, seed: seed).run()
        #expect(report.passed)
        #expect(report.checks.filter { !$0.ran }.isEmpty)
        #expect(!report.dataNote.contains("x drawn"), "x is not drawn again: \(report.dataNote)")
        // Without the locks the dead window is a tie at 0: no step would qualify.
        let materialised = try MaterialisedNetwork(network, weights: .pytorchDefault(for: network, seed: seed))
        let pooled = try #require(materialised.trace(NetworkChecker(network: network, seed: seed).drawX(attempt: 0)).inputs["MaxPool2d_1"])
        let pool = try #require(network.layer(named: "MaxPool2d_1")?.layer as? MaxPooling)
        #expect(pool.nearestKink(to: pooled)?.distance == 0)
    }
}
