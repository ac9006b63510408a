import Foundation
import TuanthuCore

/// The progress line of a long `eval` on a terminal: rows read, then findings written (both at once in a
/// streamed run). Shown only when
/// standard error is a terminal and the run has taken more than a second; erased at the end.
/// `TUANTHU_TIMING=1` prints how long each phase took instead (for the benchmark notes).
final class Progress {
    let start = Date()
    let terminal = isatty(2) != 0
    let timing = ProcessInfo.processInfo.environment["TUANTHU_TIMING"] == "1"
    let language: Language
    var lastDraw = Date.distantPast
    var shown = false
    var phaseStart = Date()
    var phaseCPU = Progress.cpuSeconds()

    init(language: Language) { self.language = language }

    /// Rows read and findings so far: a streamed run does both at once, and then both are shown.
    var rowsRead = 0, findingsSoFar = 0

    func rows(_ n: Int) {
        rowsRead = n
        draw(findingsSoFar > 0 ? Catalogue.ui(.progressRowsAndFindings(rows: n, findings: findingsSoFar), language) : Catalogue.ui(.progressRows(n), language))
    }

    func findings(_ n: Int) {
        findingsSoFar = n
        draw(streaming ? Catalogue.ui(.progressRowsAndFindings(rows: rowsRead, findings: n), language) : Catalogue.ui(.progressFindings(n), language))
    }

    /// Set while a streamed run reads and judges at once.
    var streaming = false

    private func draw(_ text: String) {
        guard terminal, !timing else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        shown = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// Ends a phase: with `TUANTHU_TIMING=1`, prints its wall time and the CPU time of all threads.
    func phase(_ name: String) {
        guard timing else { return }
        let now = Date()
        let cpu = Progress.cpuSeconds()
        FileHandle.standardError.write(Data(String(format: "timing: %@ %.3f s (CPU %.3f s user, %.3f s system)\n", name,
            now.timeIntervalSince(phaseStart), cpu.user - phaseCPU.user, cpu.system - phaseCPU.system).utf8))
        phaseStart = now
        phaseCPU = cpu
    }

    /// The process's CPU time so far, all threads.
    static func cpuSeconds() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
