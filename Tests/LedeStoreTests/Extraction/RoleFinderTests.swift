@testable import LedeStore
import Testing

extension Extraction {
    @Suite struct RoleFinderTests {
        private func roles(_ text: String, _ name: String) -> [String] {
            Extracted(text).result.roles[EntityKey(name: name, kind: .person)] ?? []
        }

        @Test func titlesBeforeTheName() {
            #expect(roles("US Treasury Secretary Steven Mnuchin spoke.", "Steven Mnuchin") == ["US Treasury Secretary"])
            #expect(roles("They met North Korean leader Kim Jong Un.", "Kim Jong Un") == ["North Korean leader"])
        }

        @Test func aTitleAfterAPossessiveLeavesTheOwnerOut() {
            #expect(roles("North Korea's Minister of State Security Jong Kyong Thaek was named.", "Jong Kyong Thaek") == ["Minister of State Security"])
        }

        @Test func appositionsAfterTheName() {
            let found = roles("Mike Pompeo, now Trump’s secretary of state and formerly director of the CIA, flew in.", "Mike Pompeo")
            #expect(found == ["secretary of state", "director of the CIA"])
        }

        @Test func anAppositionWithoutARoleWordIsNoRole() {
            #expect(roles("John Smith, who lives nearby, agreed.", "John Smith").isEmpty)
        }
    }
}
