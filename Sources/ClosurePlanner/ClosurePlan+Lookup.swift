public import OrgGraph
import Synchronization

extension ClosurePlan {
  /// Where each step and each account of a plan is, by ID.
  ///
  /// Renderers, checks and the plan reader look steps and accounts up by ID many times per
  /// plan; a plan computes this once, when first asked (the plan reader hands over the one it
  /// built while reading), and keeps it until its steps or accounts change. Only ever read by
  /// key, never iterated, so no output depends on hashing.
  public struct Lookup: Sendable {
    /// The position in `steps` of the first step with each ID.
    public let steps: [StepID: Int]
    /// The position in `accounts` of the first account with each ID.
    public let accounts: [AccountID: Int]
    /// The position of the first step whose ID an earlier step has, if one does.
    public let repeatedStep: Int?
    /// The position of the first account whose ID an earlier account has, if one does.
    public let repeatedAccount: Int?

    /// The positions of `plan`'s steps and accounts.
    public init(_ plan: ClosurePlan) {
      (steps, repeatedStep) = Self.positions(plan.steps) { $0.id }
      (accounts, repeatedAccount) = Self.positions(plan.accounts) { $0.id }
    }

    /// Positions found by a reader that refused any repeated ID.
    package init(steps: [StepID: Int], accounts: [AccountID: Int]) {
      self.steps = steps
      self.accounts = accounts
      repeatedStep = nil
      repeatedAccount = nil
    }

    private static func positions<Element, ID: Hashable>(
      _ elements: [Element], id: (borrowing Element) -> ID
    ) -> (positions: [ID: Int], repeated: Int?) {
      var positions: [ID: Int] = [:]
      positions.reserveCapacity(elements.count)
      var repeated: Int?
      elements.withUnsafeBufferPointer { list in
        for index in list.indices {
          let key = id(list[index])
          if positions[key] == nil {
            positions[key] = index
          } else if repeated == nil {
            repeated = index
          }
        }
      }
      return (positions, repeated)
    }
  }

  /// Where each step and account is (see `Lookup`).
  public var lookup: Lookup { lookupCache.lookup(of: self) }

  /// Keeps `lookup` as this plan's, for a reader that built it while reading the plan.
  package mutating func adopt(_ lookup: Lookup) { lookupCache = LookupCache(lookup) }
}

/// A plan's `Lookup`, computed at most once and shared by the copies of a plan value.
///
/// Not part of the plan's value: a plan equals another whatever either has computed. A plan
/// whose steps or accounts change gets a new, empty cache.
final class LookupCache: Sendable, Equatable {
  private let computed: Mutex<ClosurePlan.Lookup?>

  init(_ lookup: ClosurePlan.Lookup? = nil) { computed = Mutex(lookup) }

  func lookup(of plan: ClosurePlan) -> ClosurePlan.Lookup {
    computed.withLock { computed in
      if let computed { return computed }
      let lookup = ClosurePlan.Lookup(plan)
      computed = lookup
      return lookup
    }
  }

  static func == (_: LookupCache, _: LookupCache) -> Bool { true }
}
