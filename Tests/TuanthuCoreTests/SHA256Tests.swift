import Testing
@testable import TuanthuCore

@Suite("SHA-256")
struct SHA256Tests {
    @Test func knownAnswers() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The loader hashes files chunk by chunk: any split of the input gives the same digest.
    @Test(arguments: [1, 3, 63, 64, 65, 127, 1000])
    func splitsDoNotMatter(chunk: Int) {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var sha = SHA256()
        var i = 0
        while i < bytes.count {
            sha.update(bytes[i..<min(i + chunk, bytes.count)])
            i += chunk
        }
        #expect(sha.finalize() == SHA256.hex(bytes))
    }
}
