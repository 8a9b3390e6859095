/// Whether the tests were compiled with optimisation: allocation counts mean something only
/// then (a debug build allocates for its own checks).
#if DEBUG
public let isOptimizedBuild = false
#else
public let isOptimizedBuild = true
#endif
