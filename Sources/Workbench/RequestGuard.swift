import HTTPTypes
import Hummingbird

/// What keeps other web pages out of a workbench on the loopback: a page elsewhere can make the
/// planner's browser send requests here, but it cannot add a custom header without the
/// server's leave (CORS, which this server never gives), and a DNS-rebinding page arrives with
/// its own host name. Every response also forbids framing, so that no other site can wrap the
/// page and borrow a click.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
  /// The header every request that changes something must carry; the page adds it.
  static var header: HTTPField.Name { HTTPField.Name("X-TeleSim")! }
  /// The host names the server answers to; nil when it was exposed on purpose (`--host`).
  let hosts: Set<String>?

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var response: Response
    do {
      try refuseOthers(request)
      response = try await next(request, context)
    } catch let error as any HTTPResponseError {
      // Errors too carry the headers below.
      response = try error.response(from: request, context: context)
    }
    // No other site may frame the page (a disguised click would carry the header itself),
    // and browsers take each response for what it says it is.
    response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
    response.headers[HTTPField.Name("Content-Security-Policy")!] = "frame-ancestors 'none'"
    response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
    return response
  }

  /// Throws 403 for a request from another site's page: a host name not ours, or a change
  /// without the page's header.
  private func refuseOthers(_ request: Request) throws {
    // The authority, and any Host field left beside it (a second Host is no excuse).
    let named = [request.head.authority].compactMap { $0 } + request.headers[values: HTTPField.Name("Host")!]
    if let hosts, named.contains(where: { !hosts.contains(Self.hostName($0)) }) {
      throw HTTPError(.forbidden, message: "this workbench answers to \(hosts.sorted().joined(separator: ", ")) only")
    }
    if request.method != .get && request.method != .head && request.headers[Self.header] != "1" {
      throw HTTPError(
        .forbidden, message: "requests that change something come from the workbench's page (header X-TeleSim: 1)")
    }
  }

  /// `localhost:8080` → `localhost`; `[::1]:8080` → `::1`.
  static func hostName(_ authority: String) -> String {
    let lower = authority.lowercased()
    if lower.hasPrefix("["), let end = lower.firstIndex(of: "]") {
      return String(lower[lower.index(after: lower.startIndex)..<end])
    }
    return String(lower.prefix { $0 != ":" })
  }
}
