import OrgCloseBasics
import PlanFiles

/// `orgclose generate --accounts N [--ous N] [--depth N] [--seed N] [--out FILE]`.
struct GenerateCommand: Command {
  var generator: SnapshotGenerator
  var out: String?

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try Arguments(arguments, spec: .generate)
    _ = try parsed.positionals()
    _ = try parsed.required("accounts")
    let accounts = try parsed.integer("accounts", in: 1...1_000_000) ?? 1
    let depth = try parsed.integer("depth", in: 1...5) ?? 5
    let units = try parsed.integer("ous", in: 0...100_000) ?? max(depth, accounts / 50)
    let seed = try parsed.integer("seed", in: 0...Int.max) ?? 1
    generator = SnapshotGenerator(
      accounts: accounts, organizationalUnits: units, depth: depth, seed: UInt64(seed))
    out = DashArgument.outputFile(parsed.value("out"))
  }

  func run(_ console: Console) throws -> ExitStatus {
    let data = PlanFiles.encode(generator.document())
    guard let out else {
      console.out(String(decoding: data, as: UTF8.self))
      return .success
    }
    try PlanFiles.write(data, to: out)
    console.err("Wrote \(OneLine.escaped(out)) (\(generator.accounts) accounts).\n")
    return .success
  }
}
