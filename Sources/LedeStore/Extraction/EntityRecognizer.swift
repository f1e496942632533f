/// Finds the people, organizations and places of one sentence.
///
/// A sentence is read as runs of capitalized words (`NameRun`). Each run is split at "and"
/// (unless it names one organization: "Organization and Guidance Department"), a title inside
/// it is set apart ("US Treasury Secretary | Steven Mnuchin"), "of" is kept only where it
/// belongs to a name ("Office of Foreign Assets Control", not "Kim of Korea"), and each piece is
/// classified by the gazetteers, cue words and context. Capitals in a shouted headline mean
/// nothing, so there only gazetteer names count.
struct EntityRecognizer {
    let text: ArticleText
    private var atoms: AtomBuffer
    private var candidates: [Candidate]

    /// A recognizer that collects its candidates in `candidates`, an empty array, and its name
    /// runs in `atoms`: memory kept from an earlier article.
    init(text: ArticleText, candidates: consuming [Candidate], atoms: consuming AtomBuffer) {
        self.text = text
        self.candidates = candidates
        self.atoms = atoms
    }

    /// Hands over the candidates found and the atom buffer, leaving none, so the caller's
    /// arrays are not shared and changes to them copy nothing.
    mutating func finish() -> (candidates: [Candidate], atoms: AtomBuffer) {
        defer {
            candidates = []
            atoms = AtomBuffer()
        }
        return (candidates, atoms)
    }

    mutating func recognize(sentence index: Int) {
        let sentence = text.sentences[index]
        if text.shouting[index] {
            recognizeShouted(sentence)
            return
        }
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            i = text.firstToken(in: i..<sentence.upperBound, where: NameRun.mayStartAtom)
            guard i < sentence.upperBound, let first = NameRun.atom(at: i, in: sentence, text) else {
                i += 1
                continue
            }
            let end = NameRun.collect(from: first, in: sentence, text, into: &atoms)
            // "New York-based", "Hong Kong-born": part of a compound, no entity.
            let compound = end < sentence.upperBound && text.tokens[end].is(.lowercaseSuffix) && text.tokens[end].is(.capitalized)
            if !compound {
                process(atoms.run)
            }
            i = compound ? end + 1 : end
        }
    }

    /// In a headline in capitals: gazetteer names that are neither acronyms of common words nor
    /// ambiguous.
    private mutating func recognizeShouted(_ sentence: Range<Int>) {
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            let token = text.tokens[i]
            if token.is(.word), token.has(.phraseStart), let (phrase, length) = NameRun.longestPhrase(at: i, in: sentence, text),
                !(phrase.acronym && token.has(.commonWord))
            {
                emit(phrase, i..<(i + length), shouted: true)
                i += length
            } else {
                if token.is(.allCaps) && !token.has([.commonWord, .notName]) {
                    var candidate = Candidate(i..<(i + 1), .person, strong: false, .coreference)
                    candidate.tentative = true
                    add(candidate)
                }
                i += 1
            }
        }
    }

    // MARK: Runs

    private mutating func process(_ run: ArraySlice<Atom>) {
        var run = run
        // A common word opening a sentence is capitalized for that reason alone.
        if let first = run.first, first.isWord, text.startsClause(first.tokens.lowerBound),
            first.has(.commonWord), !text.capitalizedWords.contains(text.tokens[first.tokens.lowerBound].hash),
            !(run.count > 1 && first.has([.givenName, .title, .honorific]))
        {
            if run.count == 1 {
                var candidate = Candidate(first.tokens, .person, strong: false, .coreference)
                candidate.tentative = true
                add(candidate)
            }
            run = run.dropFirst()
            while let next = run.first, next.isConnector { run = run.dropFirst() }
        }
        guard let first = run.first else { return }
        // A lone capitalized word opening a sentence, with nothing to say it is a name ("Scorers:"),
        // unless a score follows it in a sports story ("Torquay 2 Fulham 1").
        if text.isSports, run.count == 1, first.isWord, isScoreContext(first.tokens), !first.has([.givenName, .title, .notName]) {
            add(Candidate(first.tokens, .organization, strong: true, .sportsTeam))
            return
        }
        if run.count == 1, first.isWord, text.startsClause(first.tokens.lowerBound),
            !first.has([.givenName, .surname, .title, .honorific, .organizationEnd]),
            !text.capitalizedWords.contains(text.tokens[first.tokens.lowerBound].hash)
        {
            var candidate = Candidate(first.tokens, .person, strong: false, .coreference)
            candidate.tentative = true
            add(candidate)
            return
        }
        // "and" joins two names unless the whole run names one organization.
        let lastIsOrganization = run.last.map { $0.has(.organizationEnd) } ?? false
        var start = run.startIndex
        for index in run.indices where run[index].isConnector && run[index].has(.conjunction) && !lastIsOrganization {
            processPiece(run[start..<index])
            start = index + 1
        }
        processPiece(run[start...])
    }

    /// A piece of a run without "and": sets a title apart, then splits at "of" where it does
    /// not belong to a name.
    private mutating func processPiece(_ piece: ArraySlice<Atom>) {
        guard let firstAtom = piece.first else { return }
        if let (roleEnd, nameStart) = title(in: piece) {
            let roleTokens = firstAtom.tokens.lowerBound..<piece[roleEnd].tokens.upperBound
            for atom in piece[..<nameStart] {
                if let phrase = atom.phrase, phrase.kind != .organization || !phrase.ambiguous { emit(phrase, atom.tokens) }
            }
            guard nameStart < piece.endIndex else { return }
            let name = piece[nameStart...]
            let before = candidates.count
            classify(name, titled: true)
            if candidates.count > before, candidates[before].kind == .person { candidates[before].role = roleTokens }
            return
        }
        var start = piece.startIndex
        for index in piece.indices where piece[index].isConnector && piece[index].has(.nameConnector) && !piece[index].has(.particle) && index > start {
            guard !piece[index].has(.conjunction), !keepsOf(piece[start..<index], after: piece[(index + 1)...]) else { continue }
            classify(piece[start..<index], titled: false)
            start = index + 1
        }
        classify(piece[start...], titled: false)
    }

    /// The last title or honorific with a name after it: (index of the title's last atom,
    /// index where the name starts). "Minister of State Security Jong Kyong Thaek" keeps
    /// "of State Security" with the title: common words after "of".
    private func title(in piece: ArraySlice<Atom>) -> (Int, Int)? {
        guard let t = piece.lastIndex(where: { $0.has([.title, .honorific]) }) else { return nil }
        var end = t
        var k = t + 1
        if k < piece.endIndex, piece[k].isConnector, !piece[k].has(.conjunction) {
            var m = k + 1
            while m < piece.endIndex, piece[m].has(.commonWord), !piece[m].has([.givenName, .surname]) { m += 1 }
            if m > k + 1 {
                end = m - 1
                k = m
            }
        }
        return (end, k)
    }

    /// Whether "of" stays inside the name: after an organization or place word ("Bank of",
    /// "Gulf of") or a known organization, or when the whole ends like an organization.
    private func keepsOf(_ before: ArraySlice<Atom>, after: ArraySlice<Atom>) -> Bool {
        guard let last = before.last else { return false }
        if last.has([.organizationStart, .organizationEnd, .placeStart, .placeEnd]) { return true }
        if before.first?.has(.organizationStart) == true { return true }
        if let phrase = last.phrase, phrase.kind == .organization { return true }
        return after.last?.has(.organizationEnd) == true
    }

    // MARK: Classification

    private mutating func classify(_ piece: ArraySlice<Atom>, titled: Bool) {
        guard let first = piece.first, let last = piece.last, !first.isConnector, !last.isConnector else { return }
        let tokens = first.tokens.lowerBound..<last.tokens.upperBound
        var words = 0
        for atom in piece where !atom.isConnector { words += 1 }

        if words == 1, let phrase = first.phrase {
            if titled && phrase.kind != .place, phrase.ambiguous {
                add(Candidate(tokens, .person, strong: true, .title))
            } else {
                emit(phrase, tokens)
            }
            return
        }
        if words >= 2 && last.has(.organizationEnd) && !(text.isSports == false && last.has(.placeEnd)) {
            var candidate = Candidate(tokens, .organization, strong: true, .organizationWord)
            if last.has(.takesPeriod), tokens.upperBound < text.tokens.count,
                text.tokens[tokens.upperBound].is(.attached), NameRun.bytesEqual(text.tokens[tokens.upperBound], ".", text)
            {
                candidate.byteEnd = Int(text.tokens[tokens.upperBound].end)
            }
            add(candidate)
            return
        }
        if words >= 2 && first.has(.organizationStart) && piece.contains(where: { $0.isConnector }) {
            add(Candidate(tokens, .organization, strong: true, .organizationOf))
            return
        }
        // "Patriotic Union of Kurdistan": an organization word before "of".
        if words >= 2, let of = piece.firstIndex(where: { $0.isConnector && $0.has(.nameConnector) && !$0.has(.particle) }),
            of > piece.startIndex, piece[of - 1].has([.organizationEnd, .organizationStart])
        {
            add(Candidate(tokens, .organization, strong: true, .organizationOf))
            return
        }
        // "Kurdistan Democratic Party": a known organization's name after a place.
        if words >= 2, let phrase = last.phrase, phrase.kind == .organization, !phrase.ambiguous, !titled,
            piece.dropLast().allSatisfy({ $0.phrase?.kind != .organization && !$0.has(.givenName) })
        {
            add(Candidate(tokens, .organization, strong: true, .organizationWord))
            return
        }
        if words >= 2 && (last.has(.placeEnd) || first.has(.placeStart)) {
            add(Candidate(tokens, .place, strong: true, .placeWord))
            return
        }
        if words >= 2, let phrase = first.phrase, phrase.kind == .demonym {
            emit(phrase, first.tokens)
            classify(piece.dropFirst(), titled: titled)
            return
        }
        if words >= 2, piece.contains(where: { $0.phrase != nil }) {
            classifyWithPhrase(piece, tokens, titled: titled)
            return
        }
        if words == 1 {
            classifySingle(first, titled: titled)
            return
        }
        classifyUnknown(piece, tokens, titled: titled)
    }

    /// Several words, some a gazetteer name: "Bayern Munich", "Salvador Allende", "New York Yankees".
    private mutating func classifyWithPhrase(_ piece: ArraySlice<Atom>, _ tokens: Range<Int>, titled: Bool) {
        guard let first = piece.first else { return }
        let firstIsGivenName = text.tokens[first.tokens.lowerBound].has(.givenName) && first.tokens.count == 1
        if titled || firstIsGivenName && first.phrase?.placeType != .country {
            add(Candidate(tokens, .person, strong: true, titled ? .title : .givenName))
            return
        }
        if first.has(.organizationPrefix) {
            add(Candidate(tokens, .organization, strong: true, .organizationWord))
            return
        }
        // "Wang Donghai": a surname, then a one-word city.
        if piece.count == 2, first.has(.surname), !first.has(.commonWord), let phrase = piece.last?.phrase,
            phrase.kind == .place, phrase.placeType == .city, phrase.length == 1
        {
            add(Candidate(tokens, .person, strong: false, .namelike))
            return
        }
        // "U.S. Open", "Davis Cup": a place and common words name an event or a thing.
        if let phrase = first.phrase, phrase.kind == .place, piece.count >= 2,
            piece.dropFirst().allSatisfy({ $0.isWord && $0.has(.commonWord) && !$0.has([.title, .organizationEnd, .placeEnd, .surname]) })
        {
            return
        }
        if text.isSports && (isScoreContext(tokens)) {
            add(Candidate(tokens, .organization, strong: true, .sportsTeam))
            return
        }
        var start = piece.startIndex
        for index in piece.indices {
            let atom = piece[index]
            guard let phrase = atom.phrase else { continue }
            if start < index { classify(piece[start..<index], titled: titled) }
            emit(phrase, atom.tokens)
            start = index + 1
        }
        if start < piece.endIndex { classify(piece[start...], titled: false) }
    }

    /// One capitalized word the gazetteers do not name.
    private mutating func classifySingle(_ atom: Atom, titled: Bool) {
        let index = atom.tokens.lowerBound
        let token = text.tokens[index]
        let range = atom.tokens
        if titled || followsHonorific(index) {
            add(Candidate(range, .person, strong: true, .title))
            return
        }
        if token.has(.group) { return }
        if token.has([.title, .honorific, .organizationEnd, .organizationStart, .placeEnd, .placeStart, .role]) && token.has(.commonWord) {
            return
        }
        if token.has(.organizationEnd) {
            add(Candidate(range, .organization, strong: true, .organizationWord))
            return
        }
        if text.isSports && isScoreContext(range) {
            add(Candidate(range, .organization, strong: true, .sportsTeam))
            return
        }
        if token.is(.allCaps) && !token.has(.commonWord) && !token.has(.surname) {
            add(Candidate(range, .organization, strong: false, .acronym))
            return
        }
        let speaks = index + 1 < text.tokens.count && text.tokens[index + 1].has(.speechVerb)
        let midSentence = !text.startsClause(index)
        if token.has(.commonWord) && !(speaks && token.has([.surname, .givenName])) && !(midSentence && token.has(.surname)) {
            var candidate = Candidate(range, .person, strong: false, .coreference)
            candidate.tentative = true
            add(candidate)
            return
        }
        if token.is(.initial) { return }
        if index > 0 && text.tokens[index - 1].has(.locative) && text.tokens[index - 1].is(.lowercase) && !token.has(.givenName) {
            add(Candidate(range, .place, strong: false, .locative))
            return
        }
        if token.has([.surname, .givenName]) {
            add(Candidate(range, .person, strong: false, .surname))
            return
        }
        add(Candidate(range, .person, strong: false, .unknownName))
    }

    /// Several capitalized words, none in a gazetteer.
    private mutating func classifyUnknown(_ piece: ArraySlice<Atom>, _ tokens: Range<Int>, titled: Bool) {
        guard let first = piece.first, let last = piece.last else { return }
        var words = 0
        var common = 0
        var hasInitial = false
        for atom in piece where !atom.isConnector {
            words += 1
            if atom.has(.commonWord) && !atom.has([.surname, .givenName]) { common += 1 }
            if text.tokens[atom.tokens.lowerBound].is(.initial) { hasInitial = true }
        }
        if titled || followsHonorific(tokens.lowerBound) {
            add(Candidate(tokens, .person, strong: true, .title))
            return
        }
        if text.isSports && isScoreContext(tokens) && !first.has(.givenName) && !hasInitial {
            add(Candidate(tokens, .organization, strong: true, .sportsTeam))
            return
        }
        if first.has(.givenName) && !first.has(.commonWord) || first.has(.givenName) && !last.has(.commonWord) {
            add(Candidate(tokens, .person, strong: true, .givenName))
            return
        }
        if hasInitial && !last.has(.commonWord) {
            add(Candidate(tokens, .person, strong: true, .initials))
            return
        }
        if common == 0 {
            add(Candidate(tokens, .person, strong: false, .namelike))
        } else if !last.has(.commonWord) || last.has(.surname) {
            add(Candidate(tokens, last.has(.surname) ? .person : .organization, strong: false, .unknownName))
        } else if common < words && words >= 3 {
            add(Candidate(tokens, .organization, strong: false, .unknownName))
        }
    }

    // MARK: Context

    private func followsLocative(_ index: Int) -> Bool {
        index > 0 && text.tokens[index - 1].has(.locative) && text.tokens[index - 1].is(.lowercase)
    }

    private func followsHonorific(_ index: Int) -> Bool {
        var i = index - 1
        if i >= 0 && NameRun.bytesEqual(text.tokens[i], ".", text) { i -= 1 }
        guard i >= 0 else { return false }
        let token = text.tokens[i]
        return token.has(.honorific) || (token.has(.title) && token.is(.lowercase))
    }

    /// A score, "beat" or "v" next to the name: in a sports story, a team.
    private func isScoreContext(_ range: Range<Int>) -> Bool {
        let sentence = text.sentences[Int(text.tokens[range.lowerBound].sentence)]
        if range.upperBound < sentence.upperBound {
            let next = text.tokens[range.upperBound]
            if next.is(.number) || next.has(.versus) { return true }
        }
        if range.lowerBound > sentence.lowerBound {
            let previous = text.tokens[range.lowerBound - 1]
            if previous.has(.versus) || previous.is(.number) { return true }
        }
        return false
    }

    /// A gazetteer name; in a sports story a city or region is a team, unless it follows "in" or
    /// "at" (or, in a headline, unless a score or "beat" stands next to it).
    private mutating func emit(_ phrase: Gazetteer.Phrase, _ tokens: Range<Int>, shouted: Bool = false) {
        switch phrase.kind {
        case .place:
            let isTeam = shouted ? isScoreContext(tokens) : !followsLocative(tokens.lowerBound)
            if text.isSports && phrase.placeType != .country && isTeam {
                add(Candidate(tokens, .organization, strong: true, .sportsTeam))
                return
            }
            add(Candidate(tokens, .place, name: .gazetteer(phrase.name), country: phrase.country, strong: true, .gazetteer))
        case .organization:
            add(Candidate(tokens, .organization, name: .gazetteer(phrase.name), strong: true, .gazetteer))
        case .demonym:
            var candidate = Candidate(tokens, .place, name: .gazetteer(phrase.name), country: phrase.country, strong: true, .demonym)
            candidate.adjective = true
            add(candidate)
        }
    }

    private mutating func add(_ candidate: Candidate) {
        candidates.append(candidate)
    }
}
