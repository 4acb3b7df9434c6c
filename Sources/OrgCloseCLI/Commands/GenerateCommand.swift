import OrgCloseBasics
import PlanFiles

/// `orgclose generate --accounts N [--ous N] [--depth N] [--seed N] [--out FILE]`.
struct GenerateCommand: Command {
  var generator: SnapshotGenerator
  var out: String?

  init(_ arguments: [String]) throws(CommandFailure) {
    do throws(UsageError) {
      let parsed = try Arguments(arguments, spec: .generate)
      _ = try parsed.positionals()
      guard let accounts = try parsed.integer("accounts", in: 1...1_000_000) else {
        throw UsageError("generate needs --accounts N", command: "generate")
      }
      let depth = try parsed.integer("depth", in: 1...5) ?? 5
      let units = try parsed.integer("ous", in: 0...100_000) ?? max(depth, accounts / 50)
      let seed = try parsed.integer("seed", in: 0...Int.max) ?? 1
      generator = SnapshotGenerator(
        accounts: accounts, organizationalUnits: units, depth: depth, seed: UInt64(seed))
      out = DashArgument.outputFile(parsed.value("out"))
    } catch {
      throw CommandFailure(error)
    }
  }

  func run(_ console: Console) throws(CommandFailure) -> ExitStatus {
    let data = PlanFiles.encode(generator.document())
    guard let out else {
      console.out(String(decoding: data, as: UTF8.self))
      return .success
    }
    do {
      try PlanFiles.write(data, to: out)
    } catch {
      throw CommandFailure(error)
    }
    console.err("Wrote \(OneLine.escaped(out)) (\(generator.accounts) accounts).\n")
    return .success
  }
}
