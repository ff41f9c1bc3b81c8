import EventDeck

/// A small deck built in code for the CardBuilder and AnswerCheck tests, modelled on the Battle of Kalbajar
/// article (Decks/sources/battle-of-kalbajar.txt), with its spelling variants (Dalibaltyan/Dalibaltayan,
/// Zulfugarli/Zulufgarli), Özal, and two Melkonians.
public enum FixtureDeck {
  static func person(_ id: String, _ name: String, _ aliases: [String] = [], role: String) -> Entity {
    Entity(id: id, kind: .person, name: name, aliases: aliases, role: role, source: Quote(text: "\(name) was there."))
  }

  static func place(_ id: String, _ name: String, _ aliases: [String] = [], type: String, within: String? = nil) -> Entity {
    Entity(id: id, kind: .place, name: name, aliases: aliases, within: within, type: type)
  }

  static func date(_ s: String, _ q: DateQualifier = .exact) -> DateSpec {
    let parts = s.split(separator: "-").map { Int($0)! }
    return DateSpec(
      start: HistoricalDate(year: parts[0], month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil),
      qualifier: q)
  }

  public static var deck: Deck {
    Deck(
      id: "kalbajar", title: "Battle of Kalbajar",
      eras: [
        Era(id: "background", title: "Background", from: HistoricalDate(year: 1988), to: HistoricalDate(year: 1993, month: 2)),
        Era(id: "battle", title: "The battle", from: HistoricalDate(year: 1993, month: 3, day: 27),
            to: HistoricalDate(year: 1993, month: 4, day: 3)),
        Era(id: "politics", title: "Politics", from: HistoricalDate(year: 1993, month: 4), to: HistoricalDate(year: 1994)),
      ],
      people: [
        person("monte-melkonian", "Monte Melkonian", ["Melkonian"], role: "Armenian commander who attacked from the southeast"),
        person("markar-melkonian", "Markar Melkonian", ["Markar"], role: "Monte Melkonian's elder brother, who described the war-weariness of the town"),
        person("gurgen-dalibaltyan", "Gurgen Dalibaltyan",
               ["Dalibaltyan", "Gurgen Dalibaltayan", "Dalibaltayan", "General Gurgen Dalibaltyan", "General Dalibaltyan"],
               role: "Armenian general who planned the operation"),
        person("turgut-ozal", "Turgut Özal", ["Özal", "Ozal", "Turgut Ozal"], role: "President of Turkey, who raised the possibility of military intervention"),
        person("surat-huseynov", "Surat Huseynov", ["Huseynov"], role: "rebellious Azerbaijani colonel and commander of the 709th brigade"),
        person("abulfaz-elchibey", "Abulfaz Elchibey", ["Elchibey"], role: "President of Azerbaijan during the battle"),
        person("levon-ter-petrosyan", "Levon Ter-Petrosyan", ["Ter-Petrosyan"], role: "President of Armenia"),
        person("serzh-sargsyan", "Serzh Sargsyan", ["Sargsyan"], role: "member of the State Defence Committee of the NKR"),
        person("samvel-karapetyan", "Samvel Karapetyan", ["Karapetyan"], role: "Armenian commander whose unit intercepted a unit of 200 men"),
        person("heydar-aliyev", "Heydar Aliyev", ["Aliyev"], role: "Azerbaijani leader who rose to the presidency"),
      ],
      places: [
        place("kalbajar-district", "Kalbajar District", ["the Kalbajar District", "Kalbajar region"], type: "district (raion) of Azerbaijan"),
        place("kalbajar-town", "Kalbajar", ["the town of Kalbajar", "the provincial capital"], type: "town, provincial capital of the district", within: "kalbajar-district"),
        place("murov-mountains", "Murov Mountains", ["the Murov Mountains", "Murov mountain range"], type: "mountain range", within: "kalbajar-district"),
        place("omar-pass", "Omar Pass", ["the Omar Pass"], type: "mountain pass, the main pass of the Murov Mountains", within: "murov-mountains"),
        place("tartar-river", "Tartar River", ["the Tartar River"], type: "river", within: "kalbajar-district"),
        place("zulfugarli", "Zulfugarli", ["Zulufgarli"], type: "village on the road south", within: "kalbajar-district"),
        place("shusha", "Shusha", type: "mountain stronghold"),
        place("baku", "Baku", type: "capital city of Azerbaijan"),
        place("lachin", "Lachin", type: "district between Karabakh and Armenia"),
        place("ganja", "Ganja", type: "city, Azerbaijan's second-largest"),
        place("stepanakert", "Stepanakert", type: "city, Karabakh's capital"),
        place("charektar", "Charektar", type: "village in Kalbajar", within: "kalbajar-district"),
      ],
      units: [
        Entity(id: "armenian-forces", kind: .unit, name: "Armenian forces", aliases: ["Armenian troops"], type: "armed forces of the Armenian side"),
        Entity(id: "azerbaijani-forces", kind: .unit, name: "Azerbaijani forces", aliases: ["the Azerbaijani military"], type: "armed forces of Azerbaijan"),
        Entity(id: "brigade-709", kind: .unit, name: "709th brigade", aliases: ["the 709th brigade"], type: "brigade tasked with defending the Murov Mountains"),
        Entity(id: "melkonian-detachment", kind: .unit, name: "Melkonian's detachment", aliases: ["Melkonian's forces"], type: "detachment of tanks and troops from Karabakh"),
      ],
      organisations: [
        Entity(id: "un-security-council", kind: .organisation, name: "United Nations Security Council", aliases: ["UN Security Council"], role: "UN body that passed Resolution 822"),
        Entity(id: "turkey", kind: .organisation, name: "Turkey", role: "Armenia's western neighbour"),
        Entity(id: "pakistan", kind: .organisation, name: "Pakistan", role: "state that co-sponsored Resolution 822 with Turkey"),
        Entity(id: "iran", kind: .organisation, name: "Iran", role: "state that condemned the offensive as refugees fled south"),
      ],
      events: [
        Event(id: "violence-flares", title: "the flare-up of small-scale violence between Armenians and Azerbaijanis",
              date: date("1988-02"), outcome: "The violence escalated to the use of tanks and fighter bombers.", era: "background",
              source: Quote(text: "Small-scale violence had flared up between the two ethnic groups in February 1988.")),
        Event(id: "capture-of-shusha", title: "the capture of Shusha", date: date("1992-05-09"), places: ["shusha"],
              actors: ["armenian-forces"], era: "background",
              source: Quote(text: "On May 9, 1992, Armenian forces captured the mountain stronghold of Shusha.")),
        Event(id: "offensive-begins", title: "the start of the Armenian offensive", date: date("1993-03-27"),
              places: ["kalbajar-district"], actors: ["armenian-forces"], era: "battle",
              source: Quote(text: "The Armenian offensive commenced on March 27.")),
        Event(id: "battle-for-charektar", title: "the eight-hour battle for Charektar", date: date("1993-03-28"),
              places: ["charektar"], actors: ["melkonian-detachment", "monte-melkonian"], era: "battle",
              source: Quote(text: "On March 28, Melkonian's forces resumed their attack on Charektar.")),
        Event(id: "town-encircled", title: "the encirclement of the town of Kalbajar", date: date("1993-03-29", .by),
              places: ["kalbajar-town"], actors: ["armenian-forces"], era: "battle",
              source: Quote(text: "By March 29, Armenian forces encircled the town of Kalbajar.")),
        Event(id: "tartar-river-reached", title: "the arrival at the Tartar River", date: date("1993-03-31"),
              places: ["tartar-river"], actors: ["monte-melkonian"],
              quantities: [Quantity(id: "advance", value: 29, unit: "kilometres", question: "How far did Melkonian's forces advance before reaching the Tartar River?")],
              era: "battle",
              source: Quote(text: "They advanced twenty-nine kilometres, reaching the Tartar River on March 31.")),
        Event(id: "tunnel-guard", title: "the dispatch of a detachment to guard the tunnel", date: date("1993-04-02"),
              places: ["zulfugarli"], actors: ["monte-melkonian"], era: "battle",
              source: Quote(text: "He sent a detachment to guard a vital tunnel leading south towards Zulfugarli.")),
        Event(id: "capital-falls", title: "the fall of the provincial capital", date: date("1993-04-03"),
              places: ["kalbajar-town"], actors: ["armenian-forces"],
              quantities: [Quantity(id: "swath", value: 3000, unit: "square kilometres", counts: "square kilometres did the swath of Armenian-held territory total")],
              outcome: "Armenian forces held a continuous swath of territory from Nagorno-Karabakh to Armenia.",
              era: "battle", tags: ["turning-point"],
              source: Quote(text: "After initial heavy resistance, the Azerbaijani defence quickly collapsed and the provincial capital fell on April 3, 1993."),
              questions: ["date": "On what day did the provincial capital of Kalbajar fall?"]),
        Event(id: "second-overland-link", title: "the establishment of a second overland link", date: date("1993-04"),
              places: ["kalbajar-district"], actors: ["armenian-forces"],
              quantities: [Quantity(id: "area", value: 1900, unit: "square kilometres", qualifier: .moreThan, counts: "square kilometres did Armenian forces capture")],
              era: "battle",
              source: Quote(text: "Armenian forces captured an area of more than 1,900 square kilometres, establishing a second overland link between Armenia and Nagorno-Karabakh.")),
        Event(id: "displacement", title: "the displacement of civilians from Kalbajar", date: date("1993-04"),
              places: ["kalbajar-district"],
              quantities: [Quantity(id: "displaced", value: 60000, unit: "civilians", qualifier: .estimated, counts: "Kurdish and Azerbaijani civilians were displaced")],
              era: "politics",
              source: Quote(text: "As a result of the battle, an estimated 60,000 Kurdish and Azerbaijani civilians were displaced.")),
        Event(id: "state-of-emergency", title: "Elchibey's declaration of a state of emergency", date: date("1993-04-12"),
              actors: ["abulfaz-elchibey"], outcome: "A two-month state of emergency began in Azerbaijan.", era: "politics",
              source: Quote(text: "On April 12, 1993, Elchibey declared a two-month state of emergency in Azerbaijan.")),
        Event(id: "ozal-tour", title: "the tour of the Turkic former Soviet republics", date: date("1993-04-14"),
              actors: ["turgut-ozal"], era: "politics",
              source: Quote(text: "Turkey's President Turgut Özal set forth on a tour of Turkic former Soviet republics on April 14.")),
        Event(id: "resolution-822", title: "the adoption of Resolution 822", date: date("1993-04-30"),
              actors: ["un-security-council", "turkey", "pakistan"], outcome: "Armenians were called on to withdraw from Kalbajar.",
              era: "politics",
              source: Quote(text: "On April 30, 1993, Turkey and Pakistan co-sponsored United Nations Security Council Resolution 822.")),
        Event(id: "march-on-baku", title: "the rebellious commander's march on Baku", date: date("1993-06", .circa),
              places: ["baku"], actors: ["surat-huseynov"], outcome: "Elchibey fled the city and Heydar Aliyev rose to the presidency.",
              era: "politics",
              source: Quote(text: "Two months later, the rebellious commander Surat Huseynov marched his troops on Baku.")),
        Event(id: "battle-of-kalbajar", title: "the Battle of Kalbajar",
              date: DateSpec(start: HistoricalDate(year: 1993, month: 3, day: 27), end: HistoricalDate(year: 1993, month: 4, day: 3)),
              actors: ["armenian-forces", "azerbaijani-forces"], era: "battle",
              source: Quote(text: "The Battle of Kalbajar took place from March 27 to April 3, 1993.")),
        Event(id: "withdrawal-plan", title: "the plan for an Armenian withdrawal", date: date("1993-06"),
              actors: ["levon-ter-petrosyan"], outcome: "The plan was never realized.", era: "politics",
              source: Quote(text: "In June 1993, Armenian president Levon Ter-Petrosyan threw his support behind a plan.")),
      ],
      facts: [
        Fact(id: "nk-population", statement: "Nagorno-Karabakh's population was approximately 76% ethnic Armenian.", term: "76%",
             question: "Approximately what share of Nagorno-Karabakh's population was ethnic Armenian?", answerType: .number),
        Fact(id: "omar-pass-impassable", statement: "The Omar Pass is nearly impassable in the winter and early spring.",
             term: "winter and early spring", accept: ["winter", "in the winter and early spring"],
             question: "In which seasons is the Omar Pass nearly impassable?", answerType: .text),
        Fact(id: "khan-codename", statement: "The governor was identified by his radio codename, \"Khan\".", term: "Khan",
             question: "By what radio codename was the governor of the Kalbajar region identified?", answerType: .name),
        Fact(id: "brigade-709-task", statement: "The 709th brigade had been tasked with defending the Murov Mountains.",
             term: "Murov Mountains", accept: ["Murov"], question: "What had the 709th brigade been tasked to defend?",
             answerType: .name),
        Fact(id: "capital-twenty-km", statement: "The capital lay within another twenty kilometres of their positions.",
             term: "twenty kilometres", question: "Within how many more kilometres was the capital?", answerType: .number),
      ],
      cards: [
        HandCard(id: "who-planned", kind: .choice, question: "Who planned the operation to capture Kalbajar?",
                 answer: "Gurgen Dalibaltyan", choices: ["Monte Melkonian", "Serzh Sargsyan", "Samvel Karapetyan"]),
        HandCard(id: "order-of-the-battle", kind: .ordering, question: "Put these moments of the battle in order, earliest first.",
                 order: ["The Armenian offensive commences", "The eight-hour battle for Charektar", "The provincial capital falls"]),
        HandCard(id: "cloze-omar", kind: .cloze,
                 question: "In the retreat through the {{Omar Pass}} of the Murov mountain range, many Azerbaijani refugees froze to death.",
                 accept: ["Omar"]),
        HandCard(id: "spellings", kind: .typed, question: "Towards which village did the vital tunnel lead?",
                 answer: "Zulfugarli", accept: ["Zulufgarli"], answerType: .name),
        HandCard(id: "swath", kind: .typed, question: "How large was the continuous swath of territory?",
                 answer: "3,000 square kilometres", accept: ["3000 km2"], answerType: .number),
      ])
  }
}
