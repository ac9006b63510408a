/// One CSV record (the header is the first one a reader returns).
public struct CSVRecord: Sendable, Equatable {
    /// Decoded field values: quotes removed, `""` turned into `"`, NFC when non-ASCII, nothing trimmed.
    public var fields: [String]
    /// 1-based physical line where the record starts.
    public var line: Int
    /// 1-based column, counted in Unicode scalars of the raw line, where each field starts (at its
    /// opening quote when quoted).
    public var columns: [Int]
    /// 1-based physical line where each field starts; differs from `line` after a quoted field that
    /// holds a line break.
    public var fieldLines: [Int]

    public init(fields: [String], line: Int, columns: [Int], fieldLines: [Int]) {
        self.fields = fields
        self.line = line
        self.columns = columns
        self.fieldLines = fieldLines
    }
}

/// Why a CSV record (or the whole input) could not be read. Position fields are 1-based; `byteOffset`
/// is 0-based from the first byte of the input as given (a UTF-8 BOM counts). An I/O error while
/// opening has line 0 and column 0.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unterminatedQuote, characterAfterClosingQuote, invalidUTF8, utf16, fieldTooLong, tooManyFields, ioError
    }

    public var line: Int
    public var column: Int
    public var byteOffset: Int
    public var kind: Kind
    public var message: String

    public init(line: Int, column: Int, byteOffset: Int, kind: Kind, message: String) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
