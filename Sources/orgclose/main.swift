import Foundation
import OrgCloseBasics
import OrgCloseCLI

// Before any thread starts: the signal mask is inherited by every thread created later.
InterruptCleanup.install()
StandardStream.prepare()
exit(CLI.runAsExecutable(Array(CommandLine.arguments.dropFirst())).rawValue)
