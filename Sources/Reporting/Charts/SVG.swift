import Foundation
import Plot

/// A node of a report page: HTML or the SVG inside it, built with Plot.
public typealias PageNode = Node<HTML.BodyContext>

/// SVG elements as Plot nodes. Plot escapes text but not attribute values, so every
/// attribute value passes through ``escape(_:)`` here.
enum SVG {
  /// An element with attributes (in order) and children.
  static func element(_ name: String, _ attributes: KeyValuePairs<String, String>, _ children: [PageNode] = []) -> PageNode {
    .element(named: name, nodes: attributes.map { .attribute(named: $0.key, value: escape($0.value)) } + children)
  }

  /// An attribute value with `&`, `"`, `<` and `>` made safe.
  static func escape(_ value: String) -> String {
    var out = ""
    for ch in value {
      switch ch {
      case "&": out += "&amp;"
      case "\"": out += "&quot;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// A drawing `width` × `height` that scales to its container, described by `label` for
  /// screen readers.
  static func svg(width: Double, height: Double, label: String, _ children: [PageNode]) -> PageNode {
    element("svg", ["viewBox": "0 0 \(n(width)) \(n(height))", "width": n(width), "role": "img", "aria-label": label,
                    "xmlns": "http://www.w3.org/2000/svg", "class": "chart"], [element("title", [:], [.text(label)])] + children)
  }

  static func g(_ attributes: KeyValuePairs<String, String> = [:], _ children: [PageNode]) -> PageNode {
    element("g", attributes, children)
  }

  /// A hover text for its parent element.
  static func title(_ text: String) -> PageNode { element("title", [:], [.text(text)]) }

  static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil,
                   stroke: String? = nil) -> PageNode {
    element("rect", ["x": n(x), "y": n(y), "width": n(Swift.max(width, 0)), "height": n(Swift.max(height, 0)), "fill": fill,
                     "stroke": stroke ?? "none"], title.map { [SVG.title($0)] } ?? [])
  }

  static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#333", width: Double = 1,
                   dash: String? = nil) -> PageNode {
    element("line", ["x1": n(x1), "y1": n(y1), "x2": n(x2), "y2": n(y2), "stroke": stroke, "stroke-width": n(width),
                     "stroke-dasharray": dash ?? "none"])
  }

  static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
                   weight: String = "normal", fill: String = "#222", rotate: Double? = nil) -> PageNode {
    let transform = rotate.map { "rotate(\(n($0)) \(n(x)) \(n(y)))" } ?? ""
    return element("text", ["x": n(x), "y": n(y), "text-anchor": anchor, "font-size": n(size), "font-weight": weight,
                            "fill": fill, "transform": transform], [.text(s)])
  }

  static func path(_ d: String, fill: String = "none", stroke: String = "#333", width: Double = 1, dash: String? = nil,
                   title: String? = nil) -> PageNode {
    element("path", ["d": d, "fill": fill, "stroke": stroke, "stroke-width": n(width), "stroke-dasharray": dash ?? "none"],
            title.map { [SVG.title($0)] } ?? [])
  }

  static func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String = "#fff", title: String? = nil)
    -> PageNode {
    element("circle", ["cx": n(cx), "cy": n(cy), "r": n(r), "fill": fill, "stroke": stroke, "stroke-width": "0.8"],
            title.map { [SVG.title($0)] } ?? [])
  }

  /// A coordinate with at most one decimal: enough on a page, and small files.
  static func n(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let r = (x * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  /// An SVG path through `points`, optionally closed.
  static func d(_ points: [(Double, Double)], closed: Bool = false) -> String {
    guard let first = points.first else { return "" }
    return "M\(n(first.0)) \(n(first.1))" + points.dropFirst().map { "L\(n($0.0)) \(n($0.1))" }.joined() + (closed ? "Z" : "")
  }
}
