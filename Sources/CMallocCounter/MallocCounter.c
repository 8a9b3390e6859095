#include "CMallocCounter.h"
#include <stddef.h>
#include <errno.h>

/* glibc exports its allocator under these names; calling them avoids dlsym recursion. */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static _Thread_local uint64_t allocations = 0;
static int active = 0;

void *malloc(size_t n) { allocations++; active = 1; return __libc_malloc(n); }
void *calloc(size_t c, size_t n) { allocations++; return __libc_calloc(c, n); }
void *realloc(void *p, size_t n) { allocations++; return __libc_realloc(p, n); }
void *aligned_alloc(size_t a, size_t n) { allocations++; return __libc_memalign(a, n); }
void *memalign(size_t a, size_t n) { allocations++; return __libc_memalign(a, n); }
int posix_memalign(void **out, size_t a, size_t n) {
    allocations++;
    void *p = __libc_memalign(a, n);
    if (p == NULL) return ENOMEM;
    *out = p;
    return 0;
}

uint64_t telesim_thread_allocations(void) { return allocations; }
int telesim_allocation_counting_active(void) { return active; }
