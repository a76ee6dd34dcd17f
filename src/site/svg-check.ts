// Whether an SVG from the repository is inert enough to copy into the site. An SVG is a document: opened
// directly it can run script, animate a link into `javascript:` or pull in remote CSS. A blocklist of
// dangerous spellings is always one spelling short, so this parses the file and lets through only a
// fixed set of drawing elements and presentation attributes, checking attribute values once decoded.
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ELEMENTS = new Set([
  "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata",
  "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
  "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
  "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feComposite", "feFlood", "feMerge", "feMergeNode", "feMorphology", "feDropShadow",
]);

const ATTRIBUTES = new Set([
  // Structure, accessibility and geometry.
  "id", "class", "lang", "xml:lang", "xml:space", "version", "baseProfile", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
  "width", "height", "viewBox", "preserveAspectRatio", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
  "d", "points", "pathLength", "transform", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
  "gradientUnits", "gradientTransform", "spreadMethod", "offset", "patternUnits", "patternContentUnits", "patternTransform",
  "clipPathUnits", "maskUnits", "maskContentUnits", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
  "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "operator", "k1", "k2", "k3", "k4", "values", "type", "mode", "radius",
  // Presentation.
  "style", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
  "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "color", "display", "visibility", "clip-path", "clip-rule", "mask", "filter",
  "marker-start", "marker-mid", "marker-end", "stop-color", "stop-opacity", "flood-color", "flood-opacity", "lighting-color",
  "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch", "text-anchor", "dominant-baseline", "alignment-baseline",
  "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "direction", "unicode-bidi", "overflow",
  "shape-rendering", "text-rendering", "image-rendering", "color-interpolation", "color-interpolation-filters", "vector-effect", "paint-order",
  "transform-origin", "mix-blend-mode", "isolation",
  // Same-document references only (checked below).
  "href", "xlink:href",
]);

// Namespace declarations are allowed only with their standard meaning: `xmlns:x` bound to XLink would
// otherwise make `x:href` a link the allowlist does not know by name.
const NAMESPACES: Record<string, string> = { xmlns: "http://www.w3.org/2000/svg", "xmlns:xlink": "http://www.w3.org/1999/xlink" };

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

type XmlNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // Entities are decoded here, by decodeXml, so every check sees the value the browser would see.
  processEntities: false,
  commentPropName: "#comment",
  cdataPropName: "#cdata",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
});

/** True when `text` is a well-formed SVG made only of allowed drawing elements and attributes. */
export function isInertSvg(text: string): boolean {
  // An internal DTD subset can define entities that expand to anything after the checks ran.
  if (/<!ENTITY/i.test(text) || /<!DOCTYPE[^>]*\[/i.test(text)) return false;
  if (XMLValidator.validate(text) !== true) return false;
  let nodes: XmlNode[];
  try {
    nodes = parser.parse(text) as XmlNode[];
  } catch {
    return false;
  }
  let roots = 0;
  for (const node of nodes) {
    const name = tagOf(node);
    if (name === "#comment" || name === "?xml") continue;
    if (name === "#text" && String(node["#text"]).trim() === "") continue;
    // Anything else at the top (a second root, an <?xml-stylesheet?> pulling in CSS) is refused.
    if (name !== "svg" || ++roots > 1) return false;
    if (!inertElement(node)) return false;
  }
  return roots === 1;
}

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ":@");
}

function inertElement(node: XmlNode): boolean {
  const name = tagOf(node)!;
  if (name === "#text" || name === "#comment" || name === "#cdata") return true;
  if (!ELEMENTS.has(name)) return false;
  for (const [attribute, raw] of Object.entries(node[":@"] ?? {})) {
    const value = decodeXml(String(raw));
    if (value === undefined || !inertAttribute(attribute, value)) return false;
  }
  const children = node[name];
  return Array.isArray(children) && (children as XmlNode[]).every(inertElement);
}

function inertAttribute(name: string, value: string): boolean {
  if (name in NAMESPACES) return value.trim() === NAMESPACES[name];
  if (!ATTRIBUTES.has(name)) return false;
  if (name === "href" || name === "xlink:href") return /^#[\w.:-]*$/.test(value.trim());
  // CSS escapes (`u\72l(`) could spell url( past the check below.
  if (value.includes("\\")) return false;
  // Paint, clip, mask, marker and filter references may only point inside the document.
  for (const match of value.matchAll(/url\s*\(\s*(["']?)\s*(.)/gi)) if (match[2] !== "#") return false;
  return !/@import|expression\s*\(|javascript:/i.test(value);
}

/** Decodes XML character and entity references; undefined for an entity XML does not predefine. */
function decodeXml(value: string): string | undefined {
  let unknown = false;
  const decoded = value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (_, ref: string) => {
    if (ref[0] !== "#") return XML_ENTITIES[ref] ?? ((unknown = true), "");
    const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : ((unknown = true), "");
  });
  return unknown ? undefined : decoded;
}
