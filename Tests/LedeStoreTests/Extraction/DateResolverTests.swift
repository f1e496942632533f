@testable import LedeStore
import Testing

extension Extraction {
    /// Dates resolved against Tuesday 2018-12-11.
    @Suite struct DateResolverTests {
        private func dates(_ text: String) -> [String] { Extracted(text).dates }

        @Test func weekdaysAreTheMostRecentBeforePublication() {
            #expect(dates("It said on Monday that prices rose.") == ["Monday = 2018-12-10 day"])
            #expect(dates("Talks began on Friday.") == ["Friday = 2018-12-07 day"])
            #expect(dates("They will meet on Thursday.") == ["Thursday = 2018-12-13 day"])
        }

        @Test func monthAndDayTakeTheYearThatMakesThemMostRecent() {
            #expect(dates("They met on June 12 in Singapore.") == ["June 12 = 2018-06-12 day"])
            #expect(dates("In August 28, talks stalled.") == ["August 28 = 2018-08-28 day"])
            #expect(dates("The next round will be held on January 15.") == ["January 15 = 2019-01-15 day"])
        }

        @Test func explicitDates() {
            #expect(dates("The deal closed on Dec. 3, 2018.") == ["Dec. 3, 2018 = 2018-12-03 day"])
            #expect(dates("Prices peaked on 3 December 2017.") == ["3 December 2017 = 2017-12-03 day"])
            #expect(dates("LONDON 1996-08-30") == ["1996-08-30 = 1996-08-30 day"])
            #expect(dates("Sales fell in March 2016.") == ["March 2016 = 2016-03-01 month"])
        }

        @Test func yearsAndRelativePeriods() {
            #expect(dates("Growth slowed this year.") == ["this year = 2018-01-01 year"])
            #expect(dates("Exports rose last year.") == ["last year = 2017-01-01 year"])
            #expect(dates("Output fell in 2017.") == ["2017 = 2017-01-01 year"])
            #expect(dates("Output fell last week.") == ["last week = 2018-12-03..2018-12-09 span"])
            #expect(dates("Prices rose last month.") == ["last month = 2018-11-01 month"])
        }

        @Test func partsOfAYearAreSpans() {
            #expect(dates("A summit is planned for the first half of 2019.") == ["the first half of 2019 = 2019-01-01..2019-06-30 span"])
            #expect(dates("Profit grew in the third quarter of 2018.") == ["the third quarter of 2018 = 2018-07-01..2018-09-30 span"])
        }

        @Test func withoutAPublicationDateRelativeDatesStayUnresolved() {
            #expect(Extracted("They met on Monday.", published: nil).dates == ["Monday = nil day"])
            #expect(Extracted("They met on Dec. 3, 2018.", published: nil).dates == ["Dec. 3, 2018 = 2018-12-03 day"])
        }

        @Test func numbersThatAreNotYearsAreNotDates() {
            #expect(dates("The company sold 2017 cars and 155,221 bags.").isEmpty)
            #expect(dates("May I ask?").isEmpty)
        }
    }
}
