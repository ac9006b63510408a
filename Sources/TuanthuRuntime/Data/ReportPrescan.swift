import Foundation

/// The first step of the report files' quick pass (`ReportFileScan.lines(of:)`), which needs no plan,
/// started on a thread of its own as soon as the data folder is known, so that it runs while the plans
/// are checked. A streamed run (`Evaluator.evaluateStreaming`) takes what it has found, helping with the
/// files not yet read.
///
/// With `sampling`, a large file is first sampled (`ReportFileScan.sampledLines`): a few lines that agree on
/// one plan stand for all of them. The run checks the guess against the rows it reads; a wrong one sets
/// `missed`, the run is thrown away, and the caller makes it again with a pass that reads every line.
public final class ReportPrescan: @unchecked Sendable {
    public let dataDirectory: String
    public let sampling: Bool
    /// The folder's table files, as `DataLoader.tableFiles(in:)` lists them when the pass starts.
    let files: [(Table, String)]
    let reportFiles: [Int]
    /// Guards `lines`, `next` and `underWay`; signalled as each file is done.
    private let condition = NSCondition()
    private var lines: [ReportFileScan.Lines?]
    private var next = 0
    private var underWay = 0
    private var wrongGuess = false

    /// Whether a run found a row its sampled files were not guessed to hold (the run was thrown away).
    public var missed: Bool {
        get { condition.withLock { wrongGuess } }
        set { condition.withLock { wrongGuess = newValue } }
    }

    /// Lists the folder's files and starts reading the report files on a thread of its own (without one, the
    /// files are read when the results are asked for, on the asking thread).
    public init(dataDirectory: String, background: Bool = true, sampling: Bool = false) {
        self.dataDirectory = dataDirectory
        self.sampling = sampling
        let files = DataLoader.tableFiles(in: dataDirectory)
        self.files = files
        reportFiles = files.indices.filter { files[$0].0 == .reports }
        lines = Array(repeating: nil, count: reportFiles.count)
        guard !reportFiles.isEmpty, background else { return }
        let thread = Thread { [self] in work() }
        thread.start()
    }

    /// Reads files until none is left to start.
    private func work() {
        while true {
            let k: Int? = condition.withLock {
                guard next < reportFiles.count else { return nil }
                next += 1
                underWay += 1
                return next - 1
            }
            guard let k else { return }
            let path = files[reportFiles[k]].1
            let found = (sampling ? ReportFileScan.sampledLines(of: path) : nil) ?? ReportFileScan.lines(of: path)
            condition.withLock {
                lines[k] = found
                underWay -= 1
                condition.broadcast()
            }
        }
    }

    /// Each report file's pass (in `reportFiles` order), once all are done: the caller reads files too.
    func results() -> [ReportFileScan.Lines] {
        work()
        return condition.withLock {
            while underWay > 0 { condition.wait() }
            return lines.map { $0 ?? .anyPlan }
        }
    }
}
