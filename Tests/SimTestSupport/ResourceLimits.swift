#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Caps this process at 4 GiB of address space and `seconds` of CPU, for an exit test that
/// replays a hostile input: an input that once exhausted memory or looped then fails its own
/// test case instead of the machine.
public func limitResources(cpuSeconds seconds: Int = 10) {
  #if canImport(Glibc)
  var memory = rlimit(rlim_cur: 4 << 30, rlim_max: 4 << 30)
  var cpu = rlimit(rlim_cur: rlim_t(seconds), rlim_max: rlim_t(seconds))
  setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &memory)
  setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu)
  #elseif canImport(Darwin)
  var cpu = rlimit(rlim_cur: rlim_t(seconds), rlim_max: rlim_t(seconds))
  setrlimit(RLIMIT_CPU, &cpu)  // Darwin does not enforce RLIMIT_AS
  #endif
}
