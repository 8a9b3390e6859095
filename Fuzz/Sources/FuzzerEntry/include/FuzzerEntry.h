#include <stddef.h>
#include <stdint.h>

/// The program's entry point (SwiftPM aliases `main` to it): runs libFuzzer's driver on
/// `LLVMFuzzerTestOneInput`.
int FuzzScenario_main(int argc, char **argv);
