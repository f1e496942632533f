/// The built-in scalar functions: what each takes, returns and means.
public enum Function: String, Sendable, CaseIterable {
    case len, lower, upper, trim, substr, replace, split, join
    case year, month, day, weekday, hour, minute, date
    case abs, round, floor, ceil, int, float, string
    case coalesce, first, last

    public var signature: String {
        switch self {
        case .len: "len(string or list) -> int"
        case .lower: "lower(string) -> string"
        case .upper: "upper(string) -> string"
        case .trim: "trim(string) -> string"
        case .substr: "substr(string, start, [length]) -> string"
        case .replace: "replace(string, old, new) -> string"
        case .split: "split(string, separator) -> list of strings"
        case .join: "join(list, separator) -> string"
        case .year: "year(date or datetime) -> int"
        case .month: "month(date or datetime) -> int"
        case .day: "day(date or datetime) -> int"
        case .weekday: "weekday(date or datetime) -> int"
        case .hour: "hour(datetime) -> int"
        case .minute: "minute(datetime) -> int"
        case .date: "date(datetime or string) -> date"
        case .abs: "abs(number) -> number"
        case .round: "round(number, [digits]) -> number"
        case .floor: "floor(number) -> int"
        case .ceil: "ceil(number) -> int"
        case .int: "int(value) -> int"
        case .float: "float(value) -> float"
        case .string: "string(value) -> string"
        case .coalesce: "coalesce(value, value, …) -> value"
        case .first: "first(list) -> element"
        case .last: "last(list) -> element"
        }
    }

    public var summary: String {
        switch self {
        case .len: "characters in a string, elements in a list"
        case .lower: "the string in lowercase"
        case .upper: "the string in uppercase"
        case .trim: "the string without white space at either end"
        case .substr: "characters from start (from 0), length of them or to the end"
        case .replace: "every occurrence of old replaced by new"
        case .split: "the parts between separators"
        case .join: "the elements as text, separator between them"
        case .year: "the year, on the clock where it was written"
        case .month: "the month, 1 to 12"
        case .day: "the day of the month"
        case .weekday: "the day of the week, 1 (Monday) to 7 (Sunday)"
        case .hour: "the hour, 0 to 23, on the clock where it was written"
        case .minute: "the minute, 0 to 59"
        case .date: "the calendar date where it was written; a string is read as YYYY-MM-DD"
        case .abs: "the absolute value"
        case .round: "rounded to digits decimals (0 by default)"
        case .floor: "the largest whole number not above it"
        case .ceil: "the smallest whole number not below it"
        case .int: "a whole number: floats truncate, strings are parsed, booleans are 0 or 1"
        case .float: "a floating-point number"
        case .string: "the value as text, as a table shows it"
        case .coalesce: "the first value that is not null"
        case .first: "the first element, or null for an empty list"
        case .last: "the last element, or null for an empty list"
        }
    }

    public var example: String {
        switch self {
        case .len: "articles | select title, len(paragraphs) as n"
        case .lower: "entities | select lower(name)"
        case .upper: "entities | select upper(name)"
        case .trim: "articles | select trim(title)"
        case .substr: "articles | select substr(title, 0, 20)"
        case .replace: "articles | select replace(title, \"US\", \"U.S.\")"
        case .split: "articles | select split(title, \" \")"
        case .join: "entities | select name, join(aliases, \"; \")"
        case .year: "articles | select year(published)"
        case .month: "articles | select month(published)"
        case .day: "articles | select day(published)"
        case .weekday: "articles | select weekday(published)"
        case .hour: "articles | select hour(published)"
        case .minute: "articles | select minute(published)"
        case .date: "articles | select date(published)"
        case .abs: "articles | select abs(words - 500)"
        case .round: "search \"sanctions\" | select round(score, 2)"
        case .floor: "articles | select floor(words / 100)"
        case .ceil: "articles | select ceil(words / 100)"
        case .int: "articles | select int(words / 7)"
        case .float: "articles | select float(words)"
        case .string: "articles | select string(published)"
        case .coalesce: "articles | select coalesce(dateline, source)"
        case .first: "articles | select first(captions)"
        case .last: "articles | select last(related).title"
        }
    }

    /// How many arguments it takes.
    public var arity: ClosedRange<Int> {
        switch self {
        case .substr: 2...3
        case .round: 1...2
        case .replace: 3...3
        case .split, .join: 2...2
        case .coalesce: 1...64
        default: 1...1
        }
    }
}

/// The aggregate functions of `summarize`.
public enum Aggregate: String, Sendable, CaseIterable {
    case count
    case countDistinct = "count_distinct"
    case sum, avg, min, max, list

    public var signature: String {
        switch self {
        case .count: "count() or count(value) -> int"
        case .countDistinct: "count_distinct(value) -> int"
        case .sum: "sum(number) -> number"
        case .avg: "avg(number) -> float"
        case .min: "min(value) -> value"
        case .max: "max(value) -> value"
        case .list: "list(value) -> list"
        }
    }

    public var summary: String {
        switch self {
        case .count: "rows, or rows where the value is not null"
        case .countDistinct: "different values that are not null"
        case .sum: "the total; null when there are no numbers"
        case .avg: "the mean; null when there are no numbers"
        case .min: "the smallest value that is not null"
        case .max: "the largest value that is not null"
        case .list: "every value that is not null, in row order"
        }
    }
}
