// Counts heap allocations made on the calling thread, for the benchmark and the
// zero-allocation test. The counting wrappers live in the executable or test binary that
// links this target and interpose glibc's malloc family.
#ifndef TELESIM_MALLOC_COUNTER_H
#define TELESIM_MALLOC_COUNTER_H
#include <stdint.h>
/// Allocations (malloc, calloc, realloc, aligned forms) made on this thread so far.
uint64_t telesim_thread_allocations(void);
/// 1 when the interposing wrappers are active in this process.
int telesim_allocation_counting_active(void);
#endif
