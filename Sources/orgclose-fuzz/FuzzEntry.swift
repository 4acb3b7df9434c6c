import Foundation
import OrgCloseFuzzing

/// libFuzzer's entry point: one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  FuzzHarness.exercise(Data(bytes: data, count: size))
  return 0
}

#if FUZZING
  /// libFuzzer's driver, called from our own `main`: SwiftPM links every executable with its
  /// own entry point, so libFuzzer's `main` is replaced by this call.
  @_silgen_name("LLVMFuzzerRunDriver")
  private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  @main
  struct FuzzMain {
    static func main() {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
  }
#else
  /// Without `-sanitize=fuzzer` the binary replays input files, so a crash the fuzzer found
  /// can be reproduced and debugged with a normal build.
  @main
  struct FuzzReplay {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("orgclose-fuzz: \(path): cannot be read\n".utf8))
          exit(66)
        }
        FuzzHarness.exercise(data)
      }
    }
  }
#endif
