/// English verb forms for turning a past-tense sentence into a question: "captured" → "capture" (after "did"),
/// "took" → "take" / "taken" (after "had"), "taken" → "took" (a passive turned active).
///
/// Irregular verbs come from a table; regular ones follow the spelling rules of "-ed" (captured → capture,
/// stopped → stop, carried → carry, agreed → agree, travelled → travel).
public enum VerbForms {
  /// The base form and the past participle of an irregular past tense.
  struct Irregular: Sendable {
    var base: String
    var participle: String
  }

  /// Irregular past tenses: past → base, participle.
  static let irregular: [String: Irregular] = {
    let rows: [(String, String, String)] = [
      ("arose", "arise", "arisen"), ("awoke", "awake", "awoken"), ("bore", "bear", "borne"),
      ("beat", "beat", "beaten"), ("became", "become", "become"), ("began", "begin", "begun"),
      ("bound", "bind", "bound"), ("broke", "break", "broken"), ("brought", "bring", "brought"),
      ("built", "build", "built"), ("bought", "buy", "bought"), ("caught", "catch", "caught"),
      ("chose", "choose", "chosen"), ("came", "come", "come"), ("cut", "cut", "cut"), ("dealt", "deal", "dealt"),
      ("dug", "dig", "dug"), ("drew", "draw", "drawn"), ("drove", "drive", "driven"), ("fed", "feed", "fed"),
      ("fell", "fall", "fallen"), ("felt", "feel", "felt"), ("fought", "fight", "fought"), ("found", "find", "found"),
      ("fled", "flee", "fled"), ("flew", "fly", "flown"), ("forbade", "forbid", "forbidden"),
      ("foresaw", "foresee", "foreseen"), ("forgot", "forget", "forgotten"), ("froze", "freeze", "frozen"),
      ("gave", "give", "given"), ("went", "go", "gone"), ("grew", "grow", "grown"), ("hung", "hang", "hung"),
      ("had", "have", "had"), ("heard", "hear", "heard"), ("hid", "hide", "hidden"), ("hit", "hit", "hit"),
      ("held", "hold", "held"), ("kept", "keep", "kept"), ("knew", "know", "known"), ("laid", "lay", "laid"),
      ("led", "lead", "led"), ("left", "leave", "left"), ("lent", "lend", "lent"), ("let", "let", "let"),
      ("lay", "lie", "lain"), ("lit", "light", "lit"), ("lost", "lose", "lost"), ("made", "make", "made"),
      ("meant", "mean", "meant"), ("met", "meet", "met"), ("mistook", "mistake", "mistaken"),
      ("overcame", "overcome", "overcome"), ("overran", "overrun", "overrun"), ("overthrew", "overthrow", "overthrown"),
      ("overtook", "overtake", "overtaken"), ("paid", "pay", "paid"), ("put", "put", "put"), ("quit", "quit", "quit"),
      ("retook", "retake", "retaken"), ("rode", "ride", "ridden"), ("rang", "ring", "rung"), ("rose", "rise", "risen"), ("ran", "run", "run"),
      ("said", "say", "said"), ("saw", "see", "seen"), ("sought", "seek", "sought"), ("sold", "sell", "sold"),
      ("sent", "send", "sent"), ("set", "set", "set"), ("shook", "shake", "shaken"), ("shot", "shoot", "shot"),
      ("shut", "shut", "shut"), ("sang", "sing", "sung"), ("sank", "sink", "sunk"), ("sat", "sit", "sat"),
      ("slew", "slay", "slain"), ("slept", "sleep", "slept"), ("spoke", "speak", "spoken"),
      ("spent", "spend", "spent"), ("split", "split", "split"), ("spread", "spread", "spread"),
      ("sprang", "spring", "sprung"), ("stood", "stand", "stood"), ("stole", "steal", "stolen"),
      ("struck", "strike", "struck"), ("strove", "strive", "striven"), ("swore", "swear", "sworn"),
      ("swept", "sweep", "swept"), ("swam", "swim", "swum"), ("took", "take", "taken"), ("taught", "teach", "taught"),
      ("tore", "tear", "torn"), ("told", "tell", "told"), ("thought", "think", "thought"), ("threw", "throw", "thrown"),
      ("understood", "understand", "understood"), ("undertook", "undertake", "undertaken"),
      ("upheld", "uphold", "upheld"), ("woke", "wake", "woken"), ("wore", "wear", "worn"), ("won", "win", "won"),
      ("withdrew", "withdraw", "withdrawn"), ("withheld", "withhold", "withheld"), ("withstood", "withstand", "withstood"),
      ("wrote", "write", "written"),
    ]
    var table: [String: Irregular] = [:]
    for (past, base, participle) in rows { table[past] = Irregular(base: base, participle: participle) }
    return table
  }()

  /// Irregular past participles: participle → past ("taken" → "took").
  static let pastOfParticiple: [String: String] = {
    var table: [String: String] = [:]
    for (past, forms) in irregular where table[forms.participle] == nil || forms.participle == past {
      table[forms.participle] = past
    }
    return table
  }()

  /// Regular verbs whose "-ed" the spelling rules get wrong, past → base.
  static let regularExceptions: [String: String] = [
    "added": "add", "developed": "develop", "enveloped": "envelop", "focused": "focus", "focussed": "focus",
    "biased": "bias", "targeted": "target", "budgeted": "budget", "marketed": "market", "pivoted": "pivot",
    "lasted": "last", "blasted": "blast", "fasted": "fast", "contrasted": "contrast", "forecasted": "forecast",
    "wasted": "waste", "tasted": "taste", "pasted": "paste", "united": "unite", "ignited": "ignite",
    "invited": "invite", "cited": "cite", "incited": "incite", "excited": "excite", "recited": "recite",
    "besieged": "besiege", "changed": "change", "ranged": "range", "arranged": "arrange", "exchanged": "exchange",
    "challenged": "challenge", "plunged": "plunge", "lunged": "lunge", "signaled": "signal", "totaled": "total",
    "equaled": "equal", "dialed": "dial", "canceled": "cancel", "labeled": "label", "modeled": "model",
    "traveled": "travel", "leveled": "level", "fueled": "fuel", "radioed": "radio", "echoed": "echo",
    "vetoed": "veto", "interfered": "interfere", "adhered": "adhere", "persevered": "persevere", "revered": "revere",
    "ignored": "ignore", "restored": "restore", "stored": "store", "explored": "explore", "scored": "score",
    "adored": "adore", "implored": "implore", "deplored": "deplore", "postponed": "postpone", "phoned": "phone",
    "toned": "tone", "zoned": "zone", "cloned": "clone", "atoned": "atone", "stoned": "stone", "condoned": "condone",
    "dethroned": "dethrone", "enthroned": "enthrone", "welcomed": "welcome", "died": "die", "tied": "tie",
    "lied": "lie", "vied": "vie", "panicked": "panic", "trafficked": "traffic", "mimicked": "mimic",
    "competed": "compete", "completed": "complete", "deleted": "delete", "depleted": "deplete",
    "refuted": "refute", "executed": "execute", "disputed": "dispute", "contributed": "contribute",
    "distributed": "distribute", "attributed": "attribute", "polluted": "pollute", "saluted": "salute",
    "computed": "compute", "commuted": "commute", "persecuted": "persecute", "prosecuted": "prosecute",
    "diluted": "dilute", "noted": "note", "voted": "vote", "devoted": "devote", "promoted": "promote",
    "quoted": "quote", "denoted": "denote", "emoted": "emote",
  ]

  /// "-lled" past tenses whose base ends in one "l" (British doubling: "travelled" → "travel").
  static let singleL: Set<String> = [
    "travel", "cancel", "label", "signal", "level", "model", "marshal", "control", "patrol", "compel", "expel",
    "propel", "repel", "dispel", "excel", "rebel", "fuel", "quarrel", "channel", "total", "counsel", "funnel",
    "tunnel", "shovel", "duel", "annul", "enrol", "instil", "fulfil", "distil", "equal", "dial", "pencil", "unravel",
  ]

  /// Whether `word` (lower case) is an irregular past tense in the table.
  public static func isIrregularPast(_ word: String) -> Bool { irregular[word] != nil }

  /// The base form of a past tense: "captured" → "capture", "took" → "take"; nil when it is not one.
  public static func base(ofPast word: String) -> String? {
    if let forms = irregular[word] { return forms.base }
    return regularBase(word)
  }

  /// The past participle of a past tense: "took" → "taken", "captured" → "captured".
  public static func participle(ofPast word: String) -> String? {
    if let forms = irregular[word] { return forms.participle }
    return regularBase(word) == nil ? nil : word
  }

  /// The past tense of a past participle: "taken" → "took", "returned" → "returned".
  public static func past(ofParticiple word: String) -> String? {
    if let past = pastOfParticiple[word] { return past }
    return regularBase(word) == nil ? nil : word
  }

  /// Whether `word` is a past participle ("taken", "returned").
  public static func isParticiple(_ word: String) -> Bool { past(ofParticiple: word) != nil }

  /// The base of a regular "-ed" form, by English spelling rules.
  static func regularBase(_ word: String) -> String? {
    // Most words do not end in "ed": told by their last two bytes, before any look at characters.
    let bytes = word.utf8
    guard bytes.count > 3, bytes.last == 0x64, bytes.dropLast().last == 0x65 else { return nil }
    guard word.count > 3, word.hasSuffix("ed"), word.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return nil }
    if let exception = regularExceptions[word] { return exception }
    let stem = Array(word.dropLast(2))
    guard stem.count >= 2 else { return nil }
    let plain = String(stem)
    let withE = plain + "e"
    func isVowel(_ c: Character) -> Bool { c == "a" || c == "e" || c == "i" || c == "o" || c == "u" }
    let last = stem[stem.count - 1]
    let before = stem[stem.count - 2]
    let beforeThat: Character? = stem.count >= 3 ? stem[stem.count - 3] : nil
    // "agreed" → "agree", "argued" → "argue".
    if last == "e" || last == "u" { return String(word.dropLast()) }
    // "carried" → "carry".
    if last == "i", !isVowel(before) { return String(stem.dropLast()) + "y" }
    // "destroyed", "allowed", "fixed", "radioed".
    if last == "y" || last == "w" || last == "x" || last == "o" || last == "i" { return plain }
    // Doubled consonants: "stopped" → "stop", "travelled" → "travel"; "killed", "passed", "buzzed" keep both.
    if last == before {
      if last == "l" { return singleL.contains(String(stem.dropLast())) ? String(stem.dropLast()) : plain }
      if last == "s" || last == "f" || last == "z" { return plain }
      return String(stem.dropLast())
    }
    switch last {
    case "v", "c", "z", "s":
      // "moved", "commenced", "seized", "closed", "caused", "collapsed".
      return withE
    case "h":
      // "bathed" → "bathe"; "reached", "crashed", "unearthed" keep their form.
      return before == "t" && isVowel(beforeThat ?? "x") ? withE : plain
    case "g":
      // "managed", "trudged", "urged", "bulged" → "-ge"; "belonged" keeps its form.
      return before == "n" ? plain : withE
    default:
      break
    }
    if isVowel(before) {
      if let beforeThat, isVowel(beforeThat) {
        // "evacuated", "persuaded", "guided", "required" take an "e"; "retreated", "joined", "failed" do not.
        return beforeThat == "u" && (before == "a" || before == "i") ? withE : plain
      }
      switch (before, last) {
      case ("a", "t"), ("a", "d"), ("i", "d"), ("u", "d"), ("o", "d"), ("e", "d"):
        return withE  // "located", "invaded", "decided", "included", "exploded", "preceded"
      case (_, "t"):
        return plain  // "visited", "limited", "shouted"
      case ("a", "r"), ("i", "r"), ("u", "r"):
        return withE  // "declared", "fired", "captured"
      case (_, "r"):
        return plain  // "ordered", "honored"
      case ("a", "n"), ("e", "n"), ("o", "n"):
        return plain  // "opened", "abandoned"
      case ("e", "l"):
        return plain  // "labeled"
      default:
        return withE  // "provoked", "described", "resumed", "escaped", "ruled", "combined", "tuned"
      }
    }
    // A consonant before the last letter: "encircled", "handled" take an "e" ("curled", "howled" do not);
    // "halted", "returned", "formed", "jumped" keep their form.
    if last == "l", before != "r", before != "w" { return withE }
    return plain
  }
}
