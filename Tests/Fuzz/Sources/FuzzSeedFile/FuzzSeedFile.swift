import FuzzDriver
import FuzzSupport

private let folder = ScratchFolder(prefix: "lede-fuzz-seed")

/// The input as the only article of a corpus folder, in the seed format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeedFile(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    LoadedFile.load(UnsafeRawBufferPointer(start: data, count: size), as: "x.txt", in: folder)
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver.
@_cdecl("FuzzSeedFile_main")
public func fuzzSeedFileMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    lede_fuzz_main(argc, argv)
}
