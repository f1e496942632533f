/// Finds the dates an article talks about and resolves them against its publication date:
/// "Dec. 3, 2018", "June 12" (the most recent one, or the next one when the sentence speaks of
/// the future), "on Monday", "in August", "this year", "last week", "the first half of 2019",
/// "2017", "1996-08-30".
struct DateResolver {
    /// The local calendar date of publication; relative dates stay unresolved without it.
    let published: CivilDate?
    private let words = DateWords.standard

    func find(_ text: ArticleText) -> [ExtractedDate] {
        var dates: [ExtractedDate] = []
        for (index, sentence) in text.sentences.enumerated() {
            var futureKnown: Bool?
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                i = text.firstToken(in: i..<sentence.upperBound) { $0.is(.number) || $0.has([.month, .weekday, .dateWord]) }
                guard i < sentence.upperBound else { break }
                let token = text.tokens[i]
                // "the" opens a date only before an ordinal, a date word: "the first half of 2019".
                guard token.hash != words.the || (i + 1 < sentence.upperBound && text.tokens[i + 1].has(.dateWord)) else {
                    i += 1
                    continue
                }
                let future = futureKnown ?? text.tokens[sentence].contains { $0.has(.future) }
                futureKnown = future
                if let (found, next) = match(at: i, sentence, future: future, text) {
                    if dates.isEmpty { dates.reserveCapacity(8) }
                    dates.append(ExtractedDate(range: text.byteRange(found.tokens), sentence: index, date: found.date, end: found.end, precision: found.precision))
                    i = next
                } else {
                    i += 1
                }
            }
        }
        return dates
    }

    fileprivate struct Found {
        var tokens: Range<Int>
        var date: CivilDate?
        var end: CivilDate?
        var precision: DatePrecision

        init(tokens: Range<Int>, date: CivilDate?, end: CivilDate? = nil, precision: DatePrecision) {
            self.tokens = tokens
            self.date = date
            self.end = end
            self.precision = precision
        }
    }

    // MARK: Patterns

    private func match(at i: Int, _ sentence: Range<Int>, future: Bool, _ text: ArticleText) -> (Found, Int)? {
        let tokens = text.tokens
        let token = tokens[i]
        func word(_ k: Int) -> UInt64 { k < sentence.upperBound ? tokens[k].hash : 0 }
        func number(_ k: Int) -> Int? { k < sentence.upperBound && tokens[k].is(.number) ? value(tokens[k], text) : nil }
        func skipPeriod(_ k: Int) -> Int {
            k < sentence.upperBound && NameRun.bytesEqual(tokens[k], ".", text) && tokens[k].is(.attached) ? k + 1 : k
        }

        // the first half of 2019, the second quarter of 2018
        var k = i
        if token.hash == words.the { k += 1 }
        if let part = words.ordinals.firstIndex(of: word(k)), let length = words.parts.firstIndex(of: word(k + 1)),
            word(k + 2) == words.of, let year = number(k + 3), isYear(year)
        {
            let months = length == 0 ? 6 : 3
            guard part * months < 12, let start = CivilDate(year: year, month: part * months + 1, day: 1) else { return nil }
            let end = start.firstOfMonth(adding: months).adding(days: -1)
            return (Found(tokens: i..<(k + 4), date: start, end: end, precision: .span), k + 4)
        }

        if token.has(.month) && token.is(.capitalized) {
            let monthNumber = Int(token.value)
            var next = skipPeriod(i + 1)
            if let day = number(next), (1...31).contains(day), tokens[next].length <= 2 {
                next += 1
                var yearIndex = next
                if yearIndex < sentence.upperBound && NameRun.bytesEqual(tokens[yearIndex], ",", text) { yearIndex += 1 }
                if let year = number(yearIndex), isYear(year) {
                    return (Found(tokens: i..<(yearIndex + 1), date: CivilDate(year: year, month: monthNumber, day: day), precision: .day), yearIndex + 1)
                }
                return (Found(tokens: i..<next, date: monthDay(monthNumber, day, future: future), precision: .day), next)
            }
            if let year = number(next), isYear(year) {
                return (Found(tokens: i..<(next + 1), date: CivilDate(year: year, month: monthNumber, day: 1), precision: .month), next + 1)
            }
            let isFullName = token.length >= 5 || token.value == 6 || token.value == 7
            let introduced = i > sentence.lowerBound && words.monthIntroducers.contains(tokens[i - 1].hash)
            if (isFullName && token.value != 3 && token.value != 5) || introduced {
                return (Found(tokens: i..<(i + 1), date: month(monthNumber, future: future), precision: .month), i + 1)
            }
            return nil
        }

        // 3 December 2018
        if token.is(.number), let day = value(token, text), (1...31).contains(day), token.length <= 2,
            i + 1 < sentence.upperBound, tokens[i + 1].has(.month), tokens[i + 1].is(.capitalized)
        {
            let month = Int(tokens[i + 1].value)
            let next = skipPeriod(i + 2)
            if let year = number(next), isYear(year) {
                return (Found(tokens: i..<(next + 1), date: CivilDate(year: year, month: month, day: day), precision: .day), next + 1)
            }
            return (Found(tokens: i..<(i + 2), date: monthDay(month, day, future: future), precision: .day), i + 2)
        }

        if token.has(.weekday) && token.is(.capitalized) {
            var next = i + 1
            if next < sentence.upperBound && NameRun.bytesEqual(tokens[next], ",", text) { next += 1 }
            if next < sentence.upperBound && (tokens[next].has(.month) || tokens[next].is(.number)) { return nil }
            return (Found(tokens: i..<(i + 1), date: weekday(Int(token.value), future: future), precision: .day), i + 1)
        }

        if token.is(.number) && token.length == 10, let date = isoDate(token, text) {
            return (Found(tokens: i..<(i + 1), date: date, precision: .day), i + 1)
        }

        // this year, last week, next month
        if let shift = words.shifters.firstIndex(of: token.hash), let unit = words.units.firstIndex(of: word(i + 1)) {
            return (Found(tokens: i..<(i + 2), relative: [0, -1, 1, -1][shift], unit: unit, published), i + 2)
        }
        if let day = words.days.firstIndex(of: token.hash) {
            return (Found(tokens: i..<(i + 1), date: published?.adding(days: day - 1), precision: .day), i + 1)
        }

        if token.is(.number) && token.length == 4, let year = value(token, text), isYear(year), i > sentence.lowerBound,
            words.yearIntroducers.contains(tokens[i - 1].hash) || tokens[i - 1].has(.month)
        {
            return (Found(tokens: i..<(i + 1), date: CivilDate(year: year, month: 1, day: 1), precision: .year), i + 1)
        }
        return nil
    }

    // MARK: Resolution

    /// The day of that month nearest before (or, in the future, after) publication.
    func monthDay(_ month: Int, _ day: Int, future: Bool) -> CivilDate? {
        guard let published else { return nil }
        let year = published.year
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        if future && date < published { return CivilDate(year: year + 1, month: month, day: day) }
        if !future && date > published { return CivilDate(year: year - 1, month: month, day: day) }
        return date
    }

    func month(_ month: Int, future: Bool) -> CivilDate? {
        guard let published else { return nil }
        let current = published.month
        var year = published.year
        if future && month < current { year += 1 }
        if !future && month > current { year -= 1 }
        return CivilDate(year: year, month: month, day: 1)
    }

    /// The most recent such weekday on or before publication, or the next on or after it.
    func weekday(_ weekday: Int, future: Bool) -> CivilDate? {
        guard let published else { return nil }
        let today = published.weekday
        return future ? published.adding(days: (weekday - today + 7) % 7) : published.adding(days: -((today - weekday + 7) % 7))
    }

    private func isYear(_ year: Int) -> Bool { (1900...2099).contains(year) }

    private func value(_ token: Token, _ text: ArticleText) -> Int? {
        guard token.length <= 4 else { return nil }
        var result = 0
        for k in token.range {
            let byte = text.bytes[k]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            result = result * 10 + Int(byte - 0x30)
        }
        return result
    }

    private func isoDate(_ token: Token, _ text: ArticleText) -> CivilDate? {
        let b = text.bytes
        let s = Int(token.start)
        guard b[s + 4] == 0x2D, b[s + 7] == 0x2D else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var result = 0
            for k in from..<(from + count) {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                result = result * 10 + Int(b[k] - 0x30)
            }
            return result
        }
        guard let year = digits(s, 4), let month = digits(s + 5, 2), let day = digits(s + 8, 2) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}

extension DateResolver.Found {
    /// "this week" (shift 0), "last month" (-1), "next year" (1); unit 0 week, 1 month, 2 year.
    fileprivate init(tokens: Range<Int>, relative shift: Int, unit: Int, _ published: CivilDate?) {
        self.init(tokens: tokens, date: nil, precision: [.span, .month, .year][unit])
        guard let published else { return }
        switch unit {
        case 0:
            let monday = published.adding(days: 1 - published.weekday + 7 * shift)
            self.date = monday
            self.end = monday.adding(days: 6)
            self.precision = .span
        case 1:
            self.date = published.firstOfMonth(adding: shift)
            self.precision = .month
        default:
            self.date = CivilDate(year: published.year + shift, month: 1, day: 1)
            self.precision = .year
        }
    }
}

/// The hashes of the words date phrases are made of, computed once and read by each
/// `DateResolver` from one instance.
struct DateWords: Sendable {
    static let standard = DateWords()

    static func hash(_ word: String) -> UInt64 {
        Array(word.utf8).withUnsafeBufferPointer { WordHash.word($0, 0..<$0.count) }
    }

    let the = DateWords.hash("the")
    let of = DateWords.hash("of")
    let ordinals = ["first", "second", "third", "fourth"].map(DateWords.hash)
    /// "half" (index 0) or "quarter" (1).
    let parts = ["half", "quarter"].map(DateWords.hash)
    let shifters = ["this", "last", "next", "past"].map(DateWords.hash)
    let units = ["week", "month", "year"].map(DateWords.hash)
    /// yesterday, today, tomorrow: published - 1, + 0, + 1.
    let days = ["yesterday", "today", "tomorrow"].map(DateWords.hash)
    let monthIntroducers = ["in", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "of", "from", "before", "after", "during", "through"].map(DateWords.hash)
    let yearIntroducers = ["in", "since", "until", "till", "by", "of", "from", "during", "before", "after", "year", "early", "late", "mid", "to", "and", "between", "through", "fiscal"].map(DateWords.hash)
}
