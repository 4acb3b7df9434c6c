import Foundation
import OrgCloseCLI

var console = Console(
  out: { FileHandle.standardOutput.write(Data($0.utf8)) },
  err: { FileHandle.standardError.write(Data($0.utf8)) },
  today: { ISO8601DateFormatter().string(from: Date()).prefix(10).description })
console.leavesLargeValuesToExit = true
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), console: console).rawValue)
