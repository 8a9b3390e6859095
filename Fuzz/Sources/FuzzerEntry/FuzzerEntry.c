// SwiftPM links every Linux executable with `--defsym main=<Target>_main`, so that tests can
// link the executable's module; under `-parse-as-library` no Swift code defines that symbol and
// the link fails (swiftlang/swift-package-manager#8731). libFuzzer's own `main` does nothing
// but call its driver, so this file defines the renamed symbol and calls the driver itself.
#include "FuzzerEntry.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int FuzzScenario_main(int argc, char **argv) {
  return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
