/// Finds entities by what a person would type: the canonical name, an alias, or a unique
/// case-insensitive prefix or surname.
public struct EntityDirectory: Sendable {
    /// Lowercased name → entities with that canonical name.
    private var byName: [String: [EntityID]] = [:]
    /// Lowercased alias → entities with that alias.
    private var byAlias: [String: [EntityID]] = [:]
    /// Every lowercased name and alias with its entity, sorted by UTF-8 bytes (which keeps all
    /// names with a given prefix together, and is much cheaper than comparing Characters).
    private var sortedNames: [(name: String, entity: EntityID)] = []
    private let names: [String]
    private let counts: [Int]

    public enum Resolution: Sendable, Equatable {
        case found(EntityID)
        /// Several entities fit; the best candidates first.
        case ambiguous([EntityID])
        /// None fits; the closest names, nearest first.
        case notFound(suggestions: [EntityID])
    }

    init(_ entities: [Entity], mentions: EntityLists<MentionID>) {
        names = entities.map(\.name)
        counts = entities.indices.map { mentions.count(of: EntityID($0)) }
        for (index, entity) in entities.enumerated() {
            let id = EntityID(index)
            byName[entity.name.lowercased(), default: []].append(id)
            sortedNames.append((entity.name.lowercased(), id))
            for alias in entity.aliases {
                byAlias[alias.lowercased(), default: []].append(id)
                sortedNames.append((alias.lowercased(), id))
            }
        }
        sortedNames.sort { a, b in
            a.name == b.name ? a.entity < b.entity : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
    }

    /// Resolves by exact name, then alias, then a unique prefix of a name or alias, then a
    /// surname (the last word of a person's name). Among several entities with the same name,
    /// the most mentioned wins.
    public func resolve(_ query: String) -> Resolution {
        let key = query.lowercased().trimmingSpace()
        guard !key.isEmpty else { return .notFound(suggestions: []) }
        if let found = best(byName[key]) { return .found(found) }
        if let found = best(byAlias[key]) { return .found(found) }

        let prefixed = entities(withPrefix: key)
        var surnames = Set<EntityID>()
        for (name, entity) in sortedNames where name.hasSuffix(" " + key) {
            surnames.insert(entity)
        }
        let candidates = prefixed.union(surnames)
        if candidates.count == 1, let only = candidates.first { return .found(only) }
        if candidates.count > 1 { return .ambiguous(ranked(candidates)) }
        return .notFound(suggestions: closest(to: key))
    }

    /// Entity names starting with `prefix` (case-insensitive), most mentioned first.
    public func completions(of prefix: String, limit: Int = 50) -> [String] {
        ranked(entities(withPrefix: prefix.lowercased())).prefix(limit).map { names[$0.index] }
    }

    /// The entities with a lowercased name or alias that starts with `key`.
    private func entities(withPrefix key: String) -> Set<EntityID> {
        var low = 0
        var high = sortedNames.count
        while low < high {
            let mid = (low + high) / 2
            if sortedNames[mid].name.utf8.lexicographicallyPrecedes(key.utf8) { low = mid + 1 } else { high = mid }
        }
        var found = Set<EntityID>()
        while low < sortedNames.count && sortedNames[low].name.utf8.starts(with: key.utf8) {
            found.insert(sortedNames[low].entity)
            low += 1
        }
        return found
    }

    private func best(_ ids: [EntityID]?) -> EntityID? {
        ids.flatMap { ids in ids.max { (counts[$0.index], -$0.rawValue) < (counts[$1.index], -$1.rawValue) } }
    }

    private func ranked(_ ids: Set<EntityID>) -> [EntityID] {
        ids.sorted { (counts[$0.index], -$0.rawValue) > (counts[$1.index], -$1.rawValue) }
    }

    /// Up to five names within a small edit distance of `key`.
    private func closest(to key: String) -> [EntityID] {
        let limit = max(2, key.count / 3)
        var scored: [(distance: Int, id: EntityID)] = []
        for (name, id) in sortedNames {
            // Compare with the whole name and with its last word (a surname, a city).
            let lastWord = name.split(separator: " ").last.map(String.init) ?? name
            for candidate in Set([name, lastWord]) where abs(candidate.count - key.count) <= limit {
                let distance = EditDistance.between(candidate, key, limit: limit)
                if distance <= limit { scored.append((distance, id)) }
            }
        }
        var seen = Set<EntityID>()
        return scored.sorted { ($0.distance, -counts[$0.id.index]) < ($1.distance, -counts[$1.id.index]) }
            .filter { seen.insert($0.id).inserted }
            .prefix(5).map(\.id)
    }
}
