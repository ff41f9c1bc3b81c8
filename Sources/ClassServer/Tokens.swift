#if Server
import Crypto
import Foundation

/// Bearer tokens: 256 random bits from the system's generator, shown once; the server keeps only their SHA-256.
public enum Tokens {
  /// A new token: `annals_` and 64 hexadecimal digits (256 bits).
  public static func make() -> String {
    let key = SymmetricKey(size: .bits256)
    return "annals_" + key.withUnsafeBytes { hex(Array($0)) }
  }

  /// The SHA-256 of the token's UTF-8, in hexadecimal: what the store keeps and looks tokens up by.
  public static func hash(_ token: String) -> String {
    hex(Array(SHA256.hash(data: Data(token.utf8))))
  }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
#endif
