import CZstd
import Foundation

/// zstd decompression through the system's libzstd, with a bound on the output so a bomb cannot fill memory.
enum Zstd {
  /// Why decompression stopped.
  enum Failure: Error, Equatable {
    case tooLarge(limit: Int)
    case corrupt(String)
  }

  /// Decompresses one or more zstd frames, failing once the output would pass `limit` bytes.
  static func decompress(_ input: Data, limit: Int) throws(Failure) -> Data {
    guard let stream = ZSTD_createDStream() else { throw .corrupt("cannot allocate a zstd stream") }
    defer { ZSTD_freeDStream(stream) }
    ZSTD_initDStream(stream)
    var output = Data()
    let chunk = ZSTD_DStreamOutSize()
    var buffer = [UInt8](repeating: 0, count: chunk)
    var failure: Failure?
    input.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      var inBuffer = ZSTD_inBuffer(src: raw.baseAddress, size: raw.count, pos: 0)
      while true {
        var remaining = 0
        let produced: Int = buffer.withUnsafeMutableBytes { out in
          var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
          remaining = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
          return outBuffer.pos
        }
        if ZSTD_isError(remaining) != 0 {
          failure = .corrupt(String(cString: ZSTD_getErrorName(remaining)))
          return
        }
        if output.count + produced > limit {
          failure = .tooLarge(limit: limit)
          return
        }
        output.append(contentsOf: buffer[0..<produced])
        let inputDone = inBuffer.pos == inBuffer.size
        // 0: a frame is complete and flushed (another may follow); otherwise more to decode or flush.
        if remaining == 0 && inputDone { return }
        if remaining != 0 && inputDone && produced == 0 {
          failure = .corrupt("the zstd data ends in the middle of a frame")
          return
        }
      }
    }
    if let failure { throw failure }
    return output
  }

  /// Compresses `input` (for tests and for writing new-format packages).
  static func compress(_ input: Data, level: Int32 = 3) -> Data {
    let bound = ZSTD_compressBound(input.count)
    var output = Data(count: bound)
    let written = output.withUnsafeMutableBytes { out in
      input.withUnsafeBytes { raw in
        ZSTD_compress(out.baseAddress, bound, raw.baseAddress, raw.count, level)
      }
    }
    precondition(ZSTD_isError(written) == 0, "zstd compression of an in-memory buffer failed")
    output.count = written
    return output
  }
}
