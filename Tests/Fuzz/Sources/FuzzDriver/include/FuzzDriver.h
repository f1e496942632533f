#ifndef LEDE_FUZZ_DRIVER_H
#define LEDE_FUZZ_DRIVER_H

/// Runs libFuzzer over the target's LLVMFuzzerTestOneInput with the command line's options.
///
/// SwiftPM links an executable with `main` defined as `<Module>_main`, a symbol that
/// `-parse-as-library` never emits, so libFuzzer's own `main` cannot take its place; each
/// target defines `<Module>_main` to call this instead.
int lede_fuzz_main(int argc, char **argv);

#endif
