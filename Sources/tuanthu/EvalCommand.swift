enum EvalCommand { static func run(_ args: [String]) throws -> Int32 { 2 } }
