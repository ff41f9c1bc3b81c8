import ClassModel
import Testing

@testable import ClassServer

@Suite struct ListenAddressTests {
  @Test func readsHostAndPortAndKnowsLoopback() throws {
    let any = try ListenAddress(parsing: "127.0.0.1:0")
    #expect(any.port == 0 && any.isLoopback)
    let six = try ListenAddress(parsing: "[::1]:8443")
    #expect(six.host == "::1" && six.port == 8443 && six.isLoopback)
    #expect(try !ListenAddress(parsing: "0.0.0.0:80").isLoopback)
    #expect(try !ListenAddress(parsing: "192.168.1.5:8080").isLoopback)
    #expect(ListenAddress.authority(host: "::1", port: 80) == "[::1]:80")
    for bad in ["127.0.0.1", ":80", "host:99999", "host:x", "[::1]80"] {
      #expect(throws: ServerError.self) { try ListenAddress(parsing: bad) }
    }
  }

  @Test func namesAndPathsThatMayReachTheStoreAndTheDisk() {
    #expect(ClassNames.isValid("ada") && ClassNames.isValid("Ada_Lovelace-2.b"))
    for bad in ["", ".hidden", "a/b", "a b", "ä", String(repeating: "x", count: 65)] { #expect(!ClassNames.isValid(bad)) }
    #expect(ClassNames.isSafeRelativePath("sources/a.txt") && ClassNames.isSafeRelativePath("mini.yaml"))
    for bad in ["", "/etc/passwd", "../x", "a/../b", "a//b", "./a", "sources/.hidden", "a\\b"] {
      #expect(!ClassNames.isSafeRelativePath(bad), "\(bad)")
    }
  }
}
