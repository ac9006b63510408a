import Foundation

// The CLI only parses arguments and wires library calls together.
let code = CLI.run(Array(CommandLine.arguments.dropFirst()))
exit(code)
