import Foundation
import Testing

@Suite struct ShowCommandTests {
    static let slide = ["show", "Conv1d(2, 3, kernel_size=3, bias=False)", "--input", "2x6"]

    @Test func textShowsCountsAndBlocks() throws {
        let result = try CLI.run(Self.slide)
        #expect(result.status == 0)
        #expect(result.stdout.contains("144 entries, 72 structural nonzeros, 18 weight + 0 bias parameters"))
        #expect(result.stdout.contains("v₁₁¹"))
        #expect(result.stdout.contains("│ input map 2"))
        #expect(result.stderr.isEmpty)
    }

    @Test func textIsPinned() throws {
        let result = try CLI.run(Self.slide)
        #expect(result.stdout == (try CLI.golden("show-slide.txt", actual: result.stdout)))
    }

    @Test func jsonIsPinned() throws {
        let result = try CLI.run(Self.slide + ["--format", "json"])
        #expect(result.stdout == (try CLI.golden("show-slide.json", actual: result.stdout)))
    }

    @Test func jsonCarriesEveryDocumentedKey() throws {
        let result = try CLI.run(Self.slide + ["--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in [
            "version", "spec", "input_shape", "output_shape", "rows", "cols", "entries", "nonzeros",
            "extended_nonzeros", "weight_parameters", "bias_parameters", "weight", "bias", "terms",
            "matrix", "tie", "offset", "padding_mode", "kind", "input_dependent", "x", "constants",
        ] {
            #expect(object.keys.contains(key), "missing key \(key)")
        }
        #expect(object["version"] as? Int == 2)
        #expect(object["kind"] as? String == "Conv1d")
        #expect(object["input_dependent"] as? Bool == false)
        #expect(object["x"] is NSNull)
        #expect((object["constants"] as? [Any])?.isEmpty == true)
        #expect(object["spec"] as? String == "Conv1d(2, 3, kernel_size=3, bias=False)")
        #expect(object["input_shape"] as? [Int] == [2, 6])
        #expect(object["output_shape"] as? [Int] == [3, 4])
        #expect(object["entries"] as? Int == 144)
        #expect(object["nonzeros"] as? Int == 72)
        #expect(object["weight_parameters"] as? Int == 18)
        #expect(object["bias"] is NSNull)
        #expect(object["offset"] is NSNull)
        let terms = try #require(object["terms"] as? [[Int]])
        #expect(terms.count == 72)
        #expect(terms.first == [0, 0, 0, 1])
        let tie = try #require(object["tie"] as? [[Int]])
        #expect(tie.count == 12 && tie[0] == [0, 1, 2, -1, -1, -1, 3, 4, 5, -1, -1, -1])
        let weight = try #require(object["weight"] as? [[[Double]]])
        #expect(weight.count == 3 && weight[0].count == 2 && weight[0][0].count == 3)
        let matrix = try #require(object["matrix"] as? [[Double]])
        #expect(matrix[0][0] == weight[0][0][0] && matrix[0][6] == weight[0][1][0])
    }

    @Test func jsonMarksEntriesThatSumParameters() throws {
        let result = try CLI.run(["show", "Conv1d(1, 1, 5, padding=3, padding_mode='circular', bias=False)", "--input", "1x3", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let tie = try #require(object["tie"] as? [[Int]])
        #expect(tie[0] == [-2, -2, 2])
        #expect((object["terms"] as? [[Int]])?.count == 25)
    }

    @Test func integerValuesAreSmallIntegers() throws {
        let result = try CLI.run(Self.slide + ["--format", "json", "--values", "integers", "--seed", "7"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let weight = try #require(object["weight"] as? [[[Double]]])
        let values = weight.flatMap { $0.flatMap { $0 } }
        #expect(values.allSatisfy { [-3, -2, -1, 1, 2, 3].contains($0) })
    }
}
