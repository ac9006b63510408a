import Foundation

#if os(Linux)
// `eval` renders each plan's findings into blocks of a megabyte or more on worker threads and frees them
// once written. With glibc's defaults those blocks are mapped and unmapped again and again, and every new
// page faults in zero-filled (a third of the system time at the benchmark's `m`). Keeping freed memory in
// the heap up to these sizes lets the next plan reuse it (docs/performance.md). glibc's <malloc.h> is not
// part of the Glibc module, hence the declaration; the option numbers are glibc's.
// One arena for every thread: each thread's own arena would keep its own freed blocks (a streamed national
// run frees a plan's blocks on the writer's thread that a worker allocated): at the benchmark's `l` peak RSS
// 272 → 196 MB, same time.
@_silgen_name("mallopt") func mallopt(_ option: Int32, _ value: Int32) -> Int32
let mallocTrimThreshold: Int32 = -1, mallocMmapThreshold: Int32 = -3, mallocArenaMax: Int32 = -8
_ = mallopt(mallocMmapThreshold, 32 << 20)
_ = mallopt(mallocTrimThreshold, 256 << 20)
_ = mallopt(mallocArenaMax, 1)
#endif

// The CLI only parses arguments and wires library calls together.
let code = CLI.run(Array(CommandLine.arguments.dropFirst()))
// What `print` wrote must have reached standard output (a full disk, a closed descriptor): else say so, exit 2.
if fflush(nil) != 0 {
    CLI.printError("tuanthu: " + String(cString: strerror(errno)) + " (stdout)")
    exit(2)
}
exit(code)
