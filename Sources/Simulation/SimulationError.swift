import ProgressStore

/// What can go wrong in a simulation.
public enum SimulationError: Error, CustomStringConvertible, Sendable {
  /// A parameter out of range, or a deck with nothing to study.
  case invalid(String)
  /// The store could not be written.
  case store(StoreError)

  /// A readable description.
  public var description: String {
    switch self {
    case .invalid(let message): message
    case .store(let error): error.description
    }
  }
}
