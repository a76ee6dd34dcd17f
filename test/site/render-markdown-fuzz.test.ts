// Property: whatever markdown an ADR holds — HTML, URLs of any scheme, attributes, mixed with markdown,
// markup in alt text and link titles — the rendered body and its resolved page HTML hold only what the
// renderer writes: no element, attribute or URL from the file's raw HTML, no `<` outside a tag the
// renderer's allowlist names, and every cached form passes the cache's own check.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { isRendererHtml } from "../../src/site/html-check.js";
import { resolvePlaceholders } from "../../src/site/link-rewrite.js";
import { renderMarkdown } from "../../src/site/render-markdown.js";

const RUNS = Number(process.env.ADRGEN_FUZZ_RUNS ?? 200);

const SCHEMES = ["javascript:", "JaVaScRiPt:", "java\tscript:", "data:text/html,", "vbscript:", "file:///etc/passwd", "//evil.example/", "https://ok.example/", "mailto:a@b.c", "", "./", "../../", "#", "%6a%61vascript:"];
const TAGS = ["script", "iframe", "img", "svg", "style", "object", "a", "div", "math", "form", "input", "textarea", "details", "link", "meta", "base"];
const ATTRS = ["onerror", "onload", "onclick", "style", "href", "src", "srcdoc", "formaction", "xlink:href", "id", "class"];

const url = fc.tuple(fc.constantFrom(...SCHEMES), fc.string({ maxLength: 12 })).map(([scheme, rest]) => scheme + rest);
const rawHtml = fc
  .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), url, fc.string({ maxLength: 20 }))
  .map(([tag, attr, value, inner]) => `<${tag} ${attr}="${value}">EVIL${inner}</${tag}>`);
const piece = fc.oneof(
  rawHtml,
  rawHtml.map((html) => `\n\n${html}\n\n`),
  url.map((u) => `[link](${u})`),
  url.map((u) => `![pic](${u})`),
  url.map((u) => `<${u}>`),
  url.map((u) => `[ref]\n\n[ref]: ${u}`),
  fc.constantFrom("# Title\n", "## Heading\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "```html\n<script>x</script>\n```\n", "- [x] task\n", "text[^1]\n\n[^1]: note\n", "<!-- comment -->", "---\nstatus: x\n---\n"),
  fc.string({ maxLength: 30 }),
);
// Alt text and titles end up in attributes and, for an image that is not copied, in element text.
const MARKUP = ["<meta http-equiv=refresh content=0;url=http://x/>", "&lt;meta http-equiv=refresh&gt;", "<i>raw</i>", "\\<b\\>", '\\"', "&", "&#60;script&#62;", "<img/src=x/onerror=alert(1)>"];
const label = fc.array(fc.oneof(fc.constantFrom(...MARKUP), fc.string({ maxLength: 8 })), { maxLength: 4 }).map((parts) => parts.join(" ").replace(/[\[\]\n]/g, ""));
const imageTarget = fc.constantFrom("missing.png", "img/x.png", "../x.png", "a%23b.png");
const linkTarget = fc.constantFrom("0002-b.md", "0002-a%23b.md#part", "../../src/x.ts", "other.md?x=1");
const markedUp = fc.oneof(
  fc.tuple(label, imageTarget).map(([alt, src]) => `![${alt}](${src})`),
  fc.tuple(label, imageTarget, label).map(([alt, src, title]) => `![${alt}](${src} "${title.replace(/"/g, "")}")`),
  fc.tuple(label, linkTarget, label).map(([text, href, title]) => `[${text}](${href} "${title.replace(/"/g, "")}")`),
  fc.tuple(label, imageTarget, linkTarget).map(([alt, src, href]) => `[![${alt}](${src})](${href})`),
);
const markdown = fc.array(fc.oneof(piece, markedUp), { maxLength: 12 }).map((parts) => parts.join(" "));

// What the file's raw HTML could add if it leaked: its tags, event handlers and dangerous URLs in attributes.
// Only real tags count: in text, rehype-stringify always escapes `<`, so `&#x3C;script onerror=…` is text.
function leaks(html: string): string | undefined {
  for (const [tag, name, attrs] of html.matchAll(/<([a-z][a-z0-9]*)((?:[^>"]|"[^"]*")*)>/gi)) {
    if (/^(script|iframe|svg|style|object|div|math|form|textarea|details|link|meta|base)$/i.test(name!)) return tag;
    if (/\s(on[a-z]+|style|srcdoc|formaction|xlink:href)=/i.test(attrs!)) return tag;
    if (/(?:href|src)="\s*(?:javascript|vbscript|data|file):/i.test(attrs!)) return tag;
  }
  return undefined;
}

// What a resolved page may hold: the renderer's elements and attributes (sanitize-schema.ts, render-markdown.ts,
// link-rewrite.ts). Text between tags never holds `<`: the serialiser writes it as `&#x3C;`, link-rewrite.ts as `&lt;`.
const PAGE_TAGS = new Set(["a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "input", "li", "ol", "p", "pre", "section", "span", "strong", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul"]);
const PAGE_ATTRS = new Set(["href", "src", "alt", "title", "id", "class", "align", "type", "checked", "disabled", "start", "data-footnote-ref", "data-footnote-backref", "data-footnotes", "aria-describedby", "aria-label"]);
const PAGE_TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z][a-z-]*(?:="[^"]*")?)*)>/y;

/** The first thing in a resolved page the renderer could not have written, or undefined. */
function strayMarkup(html: string): string | undefined {
  for (let at = html.indexOf("<"); at >= 0; at = html.indexOf("<", at + 1)) {
    PAGE_TAG.lastIndex = at;
    const tag = PAGE_TAG.exec(html);
    if (!tag) return `unescaped < at ${html.slice(at, at + 40)}`;
    if (!PAGE_TAGS.has(tag[2]!)) return tag[0];
    for (const [, name] of tag[3]!.matchAll(/ ([a-z][a-z-]*)(?:="[^"]*")?/g)) if (!PAGE_ATTRS.has(name!)) return tag[0];
    at = PAGE_TAG.lastIndex - 1;
  }
  return undefined;
}

describe("rendering arbitrary ADR markdown (property)", () => {
  it("never lets the file's HTML, event handlers or unsafe URLs into the page", () => {
    fc.assert(
      fc.property(markdown, (source) => {
        const { html } = renderMarkdown(source);
        expect(isRendererHtml(html)).toBe(true);
        expect(leaks(html)).toBeUndefined();
        // Images copied into the site and images shown as alt text, links to pages and links outside the site.
        const page = resolvePlaceholders(html, { fromRelPath: "docs/adr/0001-a.md", pageFor: (p) => (p.endsWith(".md") ? "x.html" : undefined), imageFor: (p) => (p.includes("x") ? "../media/x.png" : undefined) });
        expect(leaks(page)).toBeUndefined();
        expect(strayMarkup(page)).toBeUndefined();
        expect(page).not.toContain("adrgen-");
      }),
      { numRuns: RUNS },
    );
  });
});
