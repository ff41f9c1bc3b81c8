import CLibMD
import Foundation

/// SHA-1 through the system's libmd, for Anki's note checksums and stable ids (not for security).
enum SHA1Digest {
  /// The 20-byte digest of `text`'s UTF-8 bytes.
  static func bytes(of text: String) -> [UInt8] {
    var context = SHA1_CTX()
    SHA1Init(&context)
    var utf8 = Array(text.utf8)
    utf8.withUnsafeMutableBufferPointer { buffer in
      if let base = buffer.baseAddress { SHA1Update(&context, base, buffer.count) }
    }
    var digest = [UInt8](repeating: 0, count: 20)
    SHA1Final(&digest, &context)
    return digest
  }

  /// Lower-case hex of the digest.
  static func hex(of text: String) -> String {
    bytes(of: text).map { byte in
      let s = String(byte, radix: 16)
      return s.count == 1 ? "0" + s : s
    }.joined()
  }

  /// The first `bytes` bytes of the digest as an unsigned big-endian integer.
  static func prefixValue(of text: String, bytes count: Int) -> UInt64 {
    bytes(of: text).prefix(count).reduce(0) { ($0 << 8) | UInt64($1) }
  }
}
