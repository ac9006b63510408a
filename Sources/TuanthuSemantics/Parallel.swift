import Foundation

/// Runs `second` on a new thread while `first` runs on the calling thread, and returns both results once
/// both have finished.
func inParallel<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let box = ResultBox<B>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = second()
        done.signal()
    }
    // Conditions nest up to `Parser.maxDepth` levels: the same room as the main thread.
    thread.stackSize = 16 << 20
    thread.start()
    let a = first()
    done.wait()
    guard let b = box.value else { preconditionFailure("the second half did not return") }
    return (a, b)
}

/// The second thread's result: written once by that thread before it signals, read after the wait.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
