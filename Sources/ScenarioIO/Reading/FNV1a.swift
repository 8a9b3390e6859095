import Foundation

/// FNV-1a, 64-bit, over bytes, and its 16-digit hex text: the one hash of scenario texts,
/// data files, boundary files and traces, so that every hash a result or report shows is
/// comparable with the others.
package enum FNV1a {
  package static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  /// 16 hexadecimal digits, zero-padded.
  package static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The hex text of the hash of `bytes`.
  package static func text(of bytes: some Sequence<UInt8>) -> String { hex(hash(bytes)) }
}
