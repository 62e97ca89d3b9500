/// A small RFC 4180 reader, independent of the writer: fields separated by commas,
/// records by CRLF, quoted fields may hold commas, CR, LF and doubled quotes.
enum CSVReader {
    enum Failure: Error, CustomStringConvertible {
        case bareLineFeed(record: Int)
        case quoteInsideField(record: Int)
        case unterminatedQuote
        case missingFinalCRLF

        var description: String {
            switch self {
            case .bareLineFeed(let r): "record \(r + 1): a line feed outside quotes without a carriage return"
            case .quoteInsideField(let r): "record \(r + 1): a double quote inside an unquoted field"
            case .unterminatedQuote: "a quoted field never ends"
            case .missingFinalCRLF: "the last record does not end in CRLF"
            }
        }
    }

    /// The records of `text`, which must end each record, the last included, with CRLF.
    static func records(_ text: String) throws -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var k = 0
        var quoted = false
        while k < scalars.count {
            let s = scalars[k]
            if quoted {
                if s == "\"" {
                    if k + 1 < scalars.count, scalars[k + 1] == "\"" { field.append("\""); k += 2; continue }
                    quoted = false
                } else {
                    field.append(s)
                }
                k += 1
                continue
            }
            switch s {
            case "\"":
                guard field.isEmpty else { throw Failure.quoteInsideField(record: records.count) }
                quoted = true
            case ",":
                record.append(String(field)); field = String.UnicodeScalarView()
            case "\r" where k + 1 < scalars.count && scalars[k + 1] == "\n":
                record.append(String(field)); field = String.UnicodeScalarView()
                records.append(record); record = []
                k += 1
            case "\n":
                throw Failure.bareLineFeed(record: records.count)
            default:
                field.append(s)
            }
            k += 1
        }
        guard !quoted else { throw Failure.unterminatedQuote }
        guard record.isEmpty, field.isEmpty else { throw Failure.missingFinalCRLF }
        return records
    }
}
