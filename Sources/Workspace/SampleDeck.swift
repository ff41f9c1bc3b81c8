/// The small deck `annals init` writes: three events of Apollo 11 and a short source text they quote.
///
/// Written for Annals from well-known public facts; released under CC0 1.0 like the rest of the sample.
enum SampleDeck {
  /// Paths relative to the workspace, and their contents.
  static let files: [(String, String)] = [
    ("Decks/apollo-11.yaml", deck),
    ("Decks/sources/apollo-11.txt", sourceText),
  ]

  static let sourceText = """
    Apollo 11 in brief

    Apollo 11 was the American spaceflight that first landed people on the Moon. Apollo 11 lifted off from the \
    Kennedy Space Center in Florida on July 16, 1969, on a Saturn V rocket. Its crew of three flew the command \
    module Columbia and the lunar module Eagle.

    On July 20, 1969, the lunar module Eagle landed in the Sea of Tranquility. Neil Armstrong, the mission \
    commander, was the first person to step onto the lunar surface. Buzz Aldrin, the lunar module pilot, joined \
    him about twenty minutes later. Michael Collins, the command module pilot, stayed in orbit around the Moon \
    aboard Columbia. Eagle spent about 21 and a half hours on the surface before it lifted off to rejoin Columbia.

    The three astronauts splashed down in the Pacific Ocean on July 24, 1969, ending a mission of about eight \
    days. The mission was run by NASA, the space agency of the United States.

    """

  static let deck = """
    # A sample deck written by `annals init`: three events of the first crewed Moon landing.
    # Copy it to start your own deck; the format is explained in the Annals README (Decks/README.md).
    # Check a deck with:  annals lint Decks/apollo-11.yaml

    deck:
      id: apollo-11
      title: Apollo 11
      description: The first crewed Moon landing, in three events.
      language: en
      authors: [Annals sample]
      licence: CC0 1.0
      sources:
        - key: notes
          title: Apollo 11 in brief
          publisher: Annals sample notes
          licence: CC0 1.0
          file: sources/apollo-11.txt
      eras:
        - id: mission
          title: The mission
          from: 1969-07-16
          to: 1969-07-24
      topics: [spaceflight]

    people:
      - id: neil-armstrong
        name: Neil Armstrong
        aliases: [Armstrong]
        role: mission commander who first stepped onto the Moon
        source: Neil Armstrong, the mission commander, was the first person to step onto the lunar surface.
      - id: buzz-aldrin
        name: Buzz Aldrin
        aliases: [Aldrin, Edwin Aldrin]
        role: lunar module pilot who joined Armstrong on the surface
        source: Buzz Aldrin, the lunar module pilot, joined him about twenty minutes later.
      - id: michael-collins
        name: Michael Collins
        aliases: [Collins]
        role: command module pilot who stayed in orbit around the Moon
        source: Michael Collins, the command module pilot, stayed in orbit around the Moon aboard Columbia.

    places:
      - id: florida
        name: Florida
        type: state
        source: Apollo 11 lifted off from the Kennedy Space Center in Florida
      - id: kennedy-space-center
        name: Kennedy Space Center
        type: launch site
        within: florida
        source: Apollo 11 lifted off from the Kennedy Space Center in Florida
      - id: sea-of-tranquility
        name: Sea of Tranquility
        type: lunar plain
        source: the lunar module Eagle landed in the Sea of Tranquility.
      - id: pacific-ocean
        name: Pacific Ocean
        aliases: [the Pacific]
        type: ocean
        source: The three astronauts splashed down in the Pacific Ocean

    organisations:
      - id: nasa
        name: NASA
        role: space agency of the United States that ran the mission
        source: The mission was run by NASA, the space agency of the United States.

    events:
      - id: launch
        title: the launch of Apollo 11
        summary: Apollo 11 lifted off from the Kennedy Space Center on a Saturn V rocket.
        date: 1969-07-16
        era: mission
        places: [kennedy-space-center]
        actors: [nasa]
        source: Apollo 11 lifted off from the Kennedy Space Center in Florida on July 16, 1969, on a Saturn V rocket.
      - id: landing
        title: the landing of the lunar module Eagle
        summary: The lunar module Eagle landed in the Sea of Tranquility.
        date: 1969-07-20
        era: mission
        places: [sea-of-tranquility]
        actors: [neil-armstrong, buzz-aldrin]
        quantities:
          - id: surface-time
            value: 21.5
            unit: hours
            qualifier: about
            tolerance: 1
            counts: hours did Eagle spend on the surface of the Moon
            source: Eagle spent about 21 and a half hours on the surface before it lifted off to rejoin Columbia.
        source: On July 20, 1969, the lunar module Eagle landed in the Sea of Tranquility.
      - id: splashdown
        title: the splashdown of the Apollo 11 crew
        summary: The three astronauts splashed down in the Pacific Ocean.
        date: 1969-07-24
        era: mission
        places: [pacific-ocean]
        actors: [neil-armstrong, buzz-aldrin, michael-collins]
        source: The three astronauts splashed down in the Pacific Ocean on July 24, 1969, ending a mission of about eight days.

    facts:
      - id: lunar-module-name
        statement: Apollo 11's lunar module was named Eagle.
        term: Eagle
        type: name
        question: What was the name of Apollo 11's lunar module?
        source: Its crew of three flew the command module Columbia and the lunar module Eagle.

    cards:
      - id: first-on-the-moon
        kind: choice
        question: Who was the first person to step onto the Moon?
        answer: Neil Armstrong
        choices: [Buzz Aldrin, Michael Collins]
        source: Neil Armstrong, the mission commander, was the first person to step onto the lunar surface.

    """
}
