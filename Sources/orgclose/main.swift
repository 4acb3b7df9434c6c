import Foundation
import OrgCloseBasics
import OrgCloseCLI

// First, so that an interruption at any later point is cleaned up.
InterruptCleanup.install()
StandardStream.prepare()
exit(CLI.runAsExecutable(Array(CommandLine.arguments.dropFirst())).rawValue)
