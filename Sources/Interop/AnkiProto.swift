import SwiftProtobuf

/// The few protobuf messages of Anki's new package format that an import needs, decoded by SwiftProtobuf.
///
/// Field numbers are those of Anki's `import_export.proto` and `notetypes.proto`; only the fields read here are
/// declared, so SwiftProtobuf skips the rest (and keeps them as unknown fields).
enum AnkiProto {
  /// `anki.import_export.PackageMetadata`: which container layout a package uses.
  struct PackageMetadata: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase {
    static let protoMessageName = "anki.import_export.PackageMetadata"
    /// 0 unknown, 1 legacy (collection.anki2), 2 legacy 2 (collection.anki21), 3 latest (collection.anki21b).
    var version: Int32 = 0
    var unknownFields = SwiftProtobuf.UnknownStorage()

    mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
      while let number = try decoder.nextFieldNumber() {
        if number == 1 { try decoder.decodeSingularInt32Field(value: &version) }
      }
    }

    func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
      if version != 0 { try visitor.visitSingularInt32Field(value: version, fieldNumber: 1) }
      try unknownFields.traverse(visitor: &visitor)
    }

    func _protobuf_generated_isEqualTo(other: Self) -> Bool { self == other }
  }

  /// `anki.import_export.MediaEntries`: the package's media files, in zip-entry order.
  struct MediaEntries: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase {
    static let protoMessageName = "anki.import_export.MediaEntries"
    var entries: [MediaEntry] = []
    var unknownFields = SwiftProtobuf.UnknownStorage()

    mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
      while let number = try decoder.nextFieldNumber() {
        if number == 1 { try decoder.decodeRepeatedMessageField(value: &entries) }
      }
    }

    func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
      if !entries.isEmpty { try visitor.visitRepeatedMessageField(value: entries, fieldNumber: 1) }
      try unknownFields.traverse(visitor: &visitor)
    }

    func _protobuf_generated_isEqualTo(other: Self) -> Bool { self == other }
  }

  /// `anki.import_export.MediaEntries.MediaEntry`: one media file's name and size.
  struct MediaEntry: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase {
    static let protoMessageName = "anki.import_export.MediaEntries.MediaEntry"
    var name = ""
    var size: UInt32 = 0
    var unknownFields = SwiftProtobuf.UnknownStorage()

    mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
      while let number = try decoder.nextFieldNumber() {
        switch number {
        case 1: try decoder.decodeSingularStringField(value: &name)
        case 2: try decoder.decodeSingularUInt32Field(value: &size)
        default: break
        }
      }
    }

    func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
      if !name.isEmpty { try visitor.visitSingularStringField(value: name, fieldNumber: 1) }
      if size != 0 { try visitor.visitSingularUInt32Field(value: size, fieldNumber: 2) }
      try unknownFields.traverse(visitor: &visitor)
    }

    func _protobuf_generated_isEqualTo(other: Self) -> Bool { self == other }
  }

  /// `anki.notetypes.Notetype.Config`: whether a note type is a cloze type.
  struct NotetypeConfig: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase {
    static let protoMessageName = "anki.notetypes.Notetype.Config"
    /// 0 normal, 1 cloze.
    var kind: Int32 = 0
    var unknownFields = SwiftProtobuf.UnknownStorage()

    mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
      while let number = try decoder.nextFieldNumber() {
        if number == 1 { try decoder.decodeSingularInt32Field(value: &kind) }
      }
    }

    func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
      if kind != 0 { try visitor.visitSingularInt32Field(value: kind, fieldNumber: 1) }
      try unknownFields.traverse(visitor: &visitor)
    }

    func _protobuf_generated_isEqualTo(other: Self) -> Bool { self == other }
  }

  /// `anki.notetypes.Notetype.Template.Config`: a card template's question and answer formats.
  struct TemplateConfig: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase {
    static let protoMessageName = "anki.notetypes.Notetype.Template.Config"
    var questionFormat = ""
    var answerFormat = ""
    var unknownFields = SwiftProtobuf.UnknownStorage()

    mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
      while let number = try decoder.nextFieldNumber() {
        switch number {
        case 1: try decoder.decodeSingularStringField(value: &questionFormat)
        case 2: try decoder.decodeSingularStringField(value: &answerFormat)
        default: break
        }
      }
    }

    func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
      if !questionFormat.isEmpty { try visitor.visitSingularStringField(value: questionFormat, fieldNumber: 1) }
      if !answerFormat.isEmpty { try visitor.visitSingularStringField(value: answerFormat, fieldNumber: 2) }
      try unknownFields.traverse(visitor: &visitor)
    }

    func _protobuf_generated_isEqualTo(other: Self) -> Bool { self == other }
  }
}
