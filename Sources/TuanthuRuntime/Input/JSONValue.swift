/// A parsed JSON value. Numbers keep their source text exactly (never through `Double`).
public enum JSONValue: Sendable, Equatable {
    /// Members in source order; duplicate keys are kept, each where it appeared.
    case object([JSONMember])
    case array([JSONNode])
    /// NFC-normalised when non-ASCII.
    case string(String)
    /// The number's source text, e.g. `"1250000000.50"` or `"-1e-7"`.
    case number(String)
    case bool(Bool)
    case null
}

/// A JSON value with the position of its first character (1-based; columns in Unicode scalars).
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    public var line: Int
    public var column: Int

    public init(value: JSONValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// One `"key": value` pair of an object, with the position of the key's opening quote.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONNode
    public var keyLine: Int
    public var keyColumn: Int

    public init(key: String, value: JSONNode, keyLine: Int, keyColumn: Int) {
        self.key = key
        self.value = value
        self.keyLine = keyLine
        self.keyColumn = keyColumn
    }
}

/// Why a JSON text could not be parsed. `line`/`column` are 1-based (columns in Unicode scalars);
/// `byteOffset` is 0-based from the first byte given (a UTF-8 BOM counts).
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var byteOffset: Int
    public var message: String

    public init(line: Int, column: Int, byteOffset: Int, message: String) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}

extension JSONNode {
    /// The members when this is an object.
    public var objectMembers: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The elements when this is an array.
    public var arrayElements: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// The text when this is a string.
    public var stringValue: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The first member named `key` when this is an object.
    public subscript(key: String) -> JSONNode? {
        objectMembers?.first { $0.key == key }?.value
    }
}
