// Property: whatever markdown an ADR holds — HTML, URLs of any scheme, attributes, mixed with markdown —
// the rendered body and its resolved page HTML hold only what the renderer writes: no element, attribute
// or URL from the file's raw HTML, and every cached form passes the cache's own check.
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
const markdown = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(" "));

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

describe("rendering arbitrary ADR markdown (property)", () => {
  it("never lets the file's HTML, event handlers or unsafe URLs into the page", () => {
    fc.assert(
      fc.property(markdown, (source) => {
        const { html } = renderMarkdown(source);
        expect(isRendererHtml(html)).toBe(true);
        expect(leaks(html)).toBeUndefined();
        const page = resolvePlaceholders(html, { fromRelPath: "docs/adr/0001-a.md", pageFor: (p) => (p.endsWith(".md") ? "x.html" : undefined), imageFor: () => "../media/x.png" });
        expect(leaks(page)).toBeUndefined();
        expect(page).not.toContain("adrgen-");
      }),
      { numRuns: RUNS },
    );
  });
});
