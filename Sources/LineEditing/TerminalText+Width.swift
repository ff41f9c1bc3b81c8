internal import CEditLine
import TextKit

extension TerminalText {
  /// The terminal's width: `COLUMNS` when set, else the tty's size, else 80.
  public static func width(environment: [String: String], fileDescriptor: Int32 = 1) -> Int {
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
    let columns = Int(annals_terminal_columns(fileDescriptor))
    return columns > 0 ? columns : 80
  }
}
