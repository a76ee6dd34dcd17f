// ADR markdown → safe HTML for the site: remark (CommonMark + GFM + front matter) → rehype → sanitise →
// string. Raw HTML in an ADR never reaches the output: remark-rehype drops it (no allowDangerousHtml), and
// a tightened sanitiser schema runs anyway. Links and images that depend on where the file lives are left
// as placeholders (see link-rewrite.ts), so the result depends on the text alone and can be cached.
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Plugin } from "unified";
import { gfmFeaturesKey, gfmFeaturesOf, remarkGfmSelected, type GfmFeatures } from "./gfm-select.js";
import { headingSlugger } from "./heading-ids.js";
import { encodePlaceholder, IMAGE_PLACEHOLDER, LINK_PLACEHOLDER } from "./link-rewrite.js";
import { SANITIZE_SCHEMA } from "./sanitize-schema.js";
import { plainText } from "./plain-text.js";

/** The rendered body of an ADR: HTML with link/image placeholders, and its plain text for search. */
export interface RenderedMarkdown {
  html: string;
  text: string;
}

export interface RenderMarkdownOptions {
  /** 1-based line of the title H1, which the page shows itself and the body therefore drops. */
  titleLine?: number | null;
  /** A GFM plugin to parse with instead of the extensions the text needs: tests pass remark-gfm itself, the reference. */
  gfm?: Plugin<[], MdastRoot>;
}

type SiteProcessor = ReturnType<typeof pipeline>;

// remark → rehype → sanitise → string, with the given GFM plugin setup.
function pipeline(gfm: (processor: ReturnType<typeof unified>) => void) {
  const base = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]);
  gfm(base as unknown as ReturnType<typeof unified>);
  return base.use(remarkRehype).use(rehypeSanitize, SANITIZE_SCHEMA).use(rehypeStringify).freeze();
}

// One frozen processor per set of GFM extensions a file needs (at most 32), built on first use: building
// one is the expensive part of a small render, and most files need the same few sets.
const processors = new Map<number, SiteProcessor>();
function processorFor(features: GfmFeatures): SiteProcessor {
  const key = gfmFeaturesKey(features);
  let processor = processors.get(key);
  if (processor === undefined) {
    processor = pipeline((p) => p.use(remarkGfmSelected, features));
    processors.set(key, processor);
  }
  return processor;
}

// Processors with a caller's GFM plugin (the tests' reference: remark-gfm, every extension on every file).
const givenGfm = new Map<Plugin<[], MdastRoot>, SiteProcessor>();
function processorWith(gfm: Plugin<[], MdastRoot>): SiteProcessor {
  let processor = givenGfm.get(gfm);
  if (processor === undefined) {
    processor = pipeline((p) => p.use(gfm));
    givenGfm.set(gfm, processor);
  }
  return processor;
}

let renders = 0;

/** How many markdown bodies this process has rendered; tests use it to see that cached bodies are not rendered again. */
export function markdownRenderCount(): number {
  return renders;
}

/** Renders an ADR's markdown to sanitised HTML (placeholders for relative links and local images) and plain text. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  renders++;
  const processor = options.gfm !== undefined ? processorWith(options.gfm) : processorFor(gfmFeaturesOf(source));
  const mdast = processor.parse(source) as MdastRoot;
  dropTitle(mdast, options.titleLine);
  const hast = processor.runSync(mdast) as HastRoot;
  finishTree(hast);
  const html = processor.stringify(hast);
  return { html, text: plainText(hast) };
}

// The page prints the title itself; the H1 it came from would repeat it.
function dropTitle(tree: MdastRoot, titleLine: number | null | undefined): void {
  const index =
    titleLine == null
      ? -1
      : tree.children.findIndex((node) => node.type === "heading" && node.depth === 1 && node.position?.start.line === titleLine);
  if (index >= 0) tree.children.splice(index, 1);
}

const HEADING = /^h[1-6]$/;
// The page frame's and the browser script's element ids (layout.ts, adr-page.ts, index-page.ts, client/main.ts):
// a heading named "ADR table" must not become the element the script looks up.
const RESERVED_IDS = ["main", "site-search-input", "footnote-label", "adr-title", "adr-table", "adr-count", "search-results", "adr-filters", "filter-tag", "filter-reset"];
const REMOTE = /^(?:https?:)?\/\//i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

// After sanitising: heading ids, placeholders for relative links and local images, remote images as links.
function finishTree(tree: HastRoot): void {
  // Ids the page frame uses (layout.ts) stay free, so an ADR heading named "Main" cannot shadow them.
  const slug = headingSlugger(RESERVED_IDS);
  const visit = (parent: HastRoot | Element, insideLink: boolean): void => {
    const children = parent.children as HastContent[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type !== "element") continue;
      // A heading with an id already is the footnotes label remark-rehype made; its aria link needs that id.
      if (HEADING.test(node.tagName) && node.properties.id === undefined) node.properties.id = slug(plainText(node));
      if (node.tagName === "a") markRelativeLink(node);
      if (node.tagName === "img") {
        children[i] = imageReplacement(node, insideLink);
        continue;
      }
      visit(node, insideLink || node.tagName === "a");
    }
  };
  visit(tree, false);
}

// Relative links (another ADR, a repository file) are resolved per page later; fragments and URLs stay.
// The title rides in the placeholder, which link-rewrite.ts writes back escaped.
function markRelativeLink(node: Element): void {
  const href = typeof node.properties.href === "string" ? node.properties.href : "";
  if (href === "" || href.startsWith("#") || HAS_SCHEME.test(href) || REMOTE.test(href)) return;
  const title = typeof node.properties.title === "string" ? node.properties.title : "";
  node.properties = { href: LINK_PLACEHOLDER + (title === "" ? encodePlaceholder(href) : encodePlaceholder(href, title)) };
}

// Never an <img> pointing at the network: remote images become a link with their alt text; local ones a
// placeholder the page resolves (copied into the site, or alt text).
function imageReplacement(node: Element, insideLink: boolean): ElementContent {
  const src = typeof node.properties.src === "string" ? node.properties.src : "";
  const alt = typeof node.properties.alt === "string" && node.properties.alt.trim() !== "" ? node.properties.alt.trim() : "";
  if (src !== "" && !HAS_SCHEME.test(src) && !REMOTE.test(src)) {
    // The alt text rides in the placeholder: link-rewrite.ts writes it back escaped, as attribute or text.
    return { type: "element", tagName: "img", properties: { src: IMAGE_PLACEHOLDER + encodePlaceholder(src, alt) }, children: [] };
  }
  const label = alt || (src ? `image: ${hostOf(src)}` : "image");
  const text: ElementContent = { type: "text", value: label };
  if (src === "" || insideLink) return { type: "element", tagName: "span", properties: { className: ["image-alt"] }, children: [text] };
  return { type: "element", tagName: "a", properties: { href: src, className: ["remote-image"], title: `Image not loaded: ${src}` }, children: [text] };
}

function hostOf(url: string): string {
  try {
    return new URL(url, "https://x.invalid").host;
  } catch {
    return "remote";
  }
}
