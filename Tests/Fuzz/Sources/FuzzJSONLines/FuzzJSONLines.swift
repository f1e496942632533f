import FuzzDriver
import FuzzSupport

private let folder = ScratchFolder(prefix: "lede-fuzz-jsonl")

/// The input as the only file of a corpus folder, in JSON Lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    LoadedFile.load(UnsafeRawBufferPointer(start: data, count: size), as: "x.jsonl", in: folder)
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver.
@_cdecl("FuzzJSONLines_main")
public func fuzzJSONLinesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    lede_fuzz_main(argc, argv)
}
