// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ConvMatrix",
    products: [
        .library(name: "ConvMatrix", targets: ["ConvMatrix"]),
        .executable(name: "convmat", targets: ["convmat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `convmat explore` only (docs/explorer.md): the library target stays dependency-free.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Tests only: random layer configurations that shrink to the smallest failing one.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // The only C in the project: cblas.h (pkg-config openblas) and lapacke.h.
        .systemLibrary(
            name: "CLinearAlgebra",
            path: "Sources/CLinearAlgebra",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "ConvMatrix", dependencies: ["CLinearAlgebra"]),
        .executableTarget(
            name: "convmat",
            dependencies: [
                "ConvMatrix",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ConvMatrixTests",
            dependencies: ["ConvMatrix", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Golden"]
        ),
        .testTarget(name: "convmatTests", dependencies: ["ConvMatrix", "convmat"], exclude: ["Golden"]),
    ]
)
