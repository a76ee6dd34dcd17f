// ADR markdown → safe HTML: GFM, anchors, the dropped title, raw HTML and unsafe URLs removed, placeholders
// for relative links and images resolved per page.
import { describe, expect, it } from "@jest/globals";
import { githubSlug, headingSlugger } from "../../src/site/heading-ids.js";
import { isRendererHtml } from "../../src/site/html-check.js";
import { encodePlaceholder, repoPath, resolvePlaceholders, splitTarget, type LinkContext } from "../../src/site/link-rewrite.js";
import { markdownRenderCount, renderMarkdown } from "../../src/site/render-markdown.js";

const HOSTILE = `# Title

<script>alert("raw-block")</script>

<div onclick="alert('div')">raw div</div>

Inline <b onmouseover="alert('inline')">bold</b> and <img src=x onerror="alert('img')"> here.

<iframe src="https://evil.example/frame"></iframe>

<style>body { display: none }</style>

[click](javascript:alert('js')) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)

![pixel](data:image/png;base64,iVBORw0KGgo=)

<!-- a comment with <script>alert('comment')</script> -->
`;

function context(pages: Record<string, string> = {}, images: Record<string, string> = {}): LinkContext {
  return { fromRelPath: "docs/adr/0001-a.md", pageFor: (p) => pages[p], imageFor: (p) => images[p] };
}

describe("renderMarkdown", () => {
  it("renders GFM tables with alignment, fenced code with its language, task lists and strikethrough", () => {
    const { html } = renderMarkdown("# T\n\n| Option | Cost |\n|:--|--:|\n| A | 10 |\n\n```ts\nconst x: number = 1;\n```\n\n- [x] done\n- [ ] open\n\n~~old~~\n");
    expect(html).toContain('<th align="left">Option</th>');
    expect(html).toContain('<td align="right">10</td>');
    expect(html).toContain('<pre><code class="language-ts">const x: number = 1;\n</code></pre>');
    expect(html).toMatch(/<li class="task-list-item"><input type="checkbox" checked disabled> done<\/li>/);
    expect(html).toMatch(/<li class="task-list-item"><input type="checkbox" disabled> open<\/li>/);
    expect(html).toContain("<del>old</del>");
  });

  it("drops the title H1 and the front matter, keeps other H1s", () => {
    const source = "---\nstatus: accepted\ntitle: fm\n---\n\n# The title\n\nBody.\n\n# Appendix\n";
    const { html, text } = renderMarkdown(source, { titleLine: 6 });
    expect(html).not.toContain("The title");
    expect(html).not.toContain("status: accepted");
    expect(html).toContain('<h1 id="appendix">Appendix</h1>');
    expect(text).toBe("Body.\nAppendix");
  });

  it("gives every heading a GitHub-style unique id, keeping the page frame's ids free", () => {
    const { html } = renderMarkdown("## Decision Outcome\n\n## Pros & Cons: *A*\n\n## Decision Outcome\n\n## Main\n\n## ADR table\n");
    expect(html).toContain('<h2 id="decision-outcome">');
    expect(html).toContain('<h2 id="pros--cons-a">');
    expect(html).toContain('<h2 id="decision-outcome-1">');
    expect(html).toContain('<h2 id="main-1">');
    expect(html).toContain('<h2 id="adr-table-1">');
  });

  it("keeps footnote links working (ids and hrefs agree)", () => {
    const { html } = renderMarkdown("Claim[^1].\n\n[^1]: Source.\n");
    const href = /href="#(user-content-fn-1)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    expect(html).toContain(`id="${href}"`);
    expect(html).toContain('aria-describedby="footnote-label"');
    expect(html).toContain('id="footnote-label"');
    expect(renderMarkdown("Claim[^1].\n\n[^1]: Source.\n").text).toBe("Claim1.\nSource.");
  });

  it("never lets raw HTML, event handlers or unsafe URLs through, in the HTML or the text", () => {
    const { html, text } = renderMarkdown(HOSTILE, { titleLine: 1 });
    for (const output of [html, text]) {
      expect(output).not.toMatch(/<script|<iframe|<style|<div|<b\b|onerror|onclick|onmouseover|javascript:|vbscript:|data:/i);
      expect(output).not.toMatch(/alert/);
    }
    expect(html).toContain("<a>click</a>");
    expect(html).toContain("bold");
    expect(isRendererHtml(html)).toBe(true);
  });

  it("turns remote images into links with their alt text, never an <img> that loads from the network", () => {
    const { html } = renderMarkdown("![build status](https://img.shields.io/badge/x.svg) ![](http://example.com/a.png) [![inner](https://x.test/b.png)](https://x.test) ![proto](//cdn.test/c.png)\n");
    expect(html).not.toMatch(/<img[^>]*src="(?:https?:)?\/\//);
    expect(html).toContain('<a href="https://img.shields.io/badge/x.svg" class="remote-image" title="Image not loaded: https://img.shields.io/badge/x.svg">build status</a>');
    expect(html).toContain(">image: example.com</a>");
    // Inside a link the image cannot become a second link: its alt text stays.
    expect(html).toContain('<a href="https://x.test"><span class="image-alt">inner</span></a>');
    expect(html).toContain(">proto</a>");
  });

  it("leaves placeholders for relative links and local images, and keeps web links and fragments as they are", () => {
    const { html } = renderMarkdown('[next](0002-b.md#decision) [web](https://example.com/x) [here](#context) ![diagram](img/flow.png "Flow")\n');
    expect(html).toContain(`<a href="adrgen-link:${encodePlaceholder("0002-b.md#decision")}">next</a>`);
    expect(html).toContain('<a href="https://example.com/x">web</a>');
    expect(html).toContain('<a href="#context">here</a>');
    expect(html).toContain(`<img src="adrgen-image:${encodePlaceholder("img/flow.png", "diagram")}">`);
  });

  it("counts each render, so a cache hit is observable", () => {
    const before = markdownRenderCount();
    renderMarkdown("a");
    renderMarkdown("b");
    expect(markdownRenderCount() - before).toBe(2);
  });
});

describe("resolvePlaceholders", () => {
  const rendered = renderMarkdown(
    "[same](0002-b.md) [anchor](./0002-b.md#decision-outcome) [other dir](../../services/api/adr/0001-x.md) [code](../../src/main.ts) [escape](../../../etc/passwd) [rooted](/docs/adr/0002-b.md)\n\n![local](img/flow.png) ![big](img/huge.png)\n",
  ).html;
  const pages = { "docs/adr/0002-b.md": "docs-adr-0002-b.html", "services/api/adr/0001-x.md": "services-api-adr-0001-x.html" };

  it("rewrites links to ADRs of the site to their pages, keeping the fragment, across directories", () => {
    const html = resolvePlaceholders(rendered, context(pages));
    expect(html).toContain('<a href="docs-adr-0002-b.html">same</a>');
    expect(html).toContain('<a href="docs-adr-0002-b.html#decision-outcome">anchor</a>');
    expect(html).toContain('<a href="services-api-adr-0001-x.html">other dir</a>');
    expect(html).toContain('<a href="docs-adr-0002-b.html">rooted</a>');
  });

  it("marks links to other files as outside the site instead of leaving broken links", () => {
    const html = resolvePlaceholders(rendered, context(pages));
    expect(html).toContain('<span class="outside-link" title="src/main.ts is not part of this site">code</span>');
    expect(html).toContain('<span class="outside-link" title="../../../etc/passwd is not part of this site">escape</span>');
    expect(html).not.toContain("adrgen-link:");
  });

  it("shows copied local images and the alt text of the others", () => {
    const html = resolvePlaceholders(rendered, context(pages, { "docs/adr/img/flow.png": "../media/abc-flow.png" }));
    expect(html).toContain('<img src="../media/abc-flow.png" alt="local">');
    expect(html).toContain('<span class="image-alt">big</span>');
    expect(html).not.toContain("adrgen-image:");
  });

  it("resolves paths inside the repository only", () => {
    expect(repoPath("docs/adr/0001-a.md", "0002-b.md")).toBe("docs/adr/0002-b.md");
    expect(repoPath("docs/adr/0001-a.md", "../../README.md")).toBe("README.md");
    expect(repoPath("docs/adr/0001-a.md", "../../../x")).toBeUndefined();
    expect(repoPath("docs/adr/0001-a.md", "/docs/x.md")).toBe("docs/x.md");
    expect(splitTarget("my%20file.md?plain=1#part")).toEqual({ path: "my file.md", fragment: "#part" });
    expect(splitTarget("0002-a%23b%3Fc.md#x")).toEqual({ path: "0002-a#b?c.md", fragment: "#x" });
    expect(splitTarget("bad%E0%A4%A.md")).toEqual({ path: "bad%E0%A4%A.md", fragment: "" });
    expect(repoPath("docs/adr/0001-a.md", splitTarget("..%2F..%2F..%2Fx").path)).toBeUndefined();
  });

  it("resolves links to ADRs whose file names hold # or ?", () => {
    const html = resolvePlaceholders(renderMarkdown("[x](0002-a%23b.md) [y](0003-c%3Fd.md#part)\n").html, context({ "docs/adr/0002-a#b.md": "p2.html", "docs/adr/0003-c?d.md": "p3.html" }));
    expect(html).toContain('<a href="p2.html">x</a>');
    expect(html).toContain('<a href="p3.html#part">y</a>');
  });

  it("keeps a link's title on links between ADRs, escaped", () => {
    const html = resolvePlaceholders(renderMarkdown('[x](0002-b.md "Next <b>one</b> & \\"more\\"")\n').html, context(pages));
    expect(html).toContain('<a href="docs-adr-0002-b.html" title="Next &lt;b&gt;one&lt;/b&gt; &amp; &quot;more&quot;">x</a>');
  });

  it("escapes alt text, whether the image is shown or not", () => {
    const source = "![&lt;meta http-equiv=refresh content=0;url=http://x/&gt;](missing.png) ![<i>raw</i> \\<b\\> \"q\" & co](img/flow.png)\n";
    const rendered = renderMarkdown(source).html;
    const missing = resolvePlaceholders(rendered, context(pages));
    expect(missing).toContain('<span class="image-alt">&lt;meta http-equiv=refresh content=0;url=http://x/&gt;</span>');
    expect(missing).toContain('<span class="image-alt">&lt;i&gt;raw&lt;/i&gt; &lt;b&gt; &quot;q&quot; &amp; co</span>');
    expect(missing).not.toMatch(/<(meta|b|i)\b/);
    const shown = resolvePlaceholders(rendered, context(pages, { "docs/adr/img/flow.png": "../media/f.png" }));
    expect(shown).toContain('<img src="../media/f.png" alt="&lt;i&gt;raw&lt;/i&gt; &lt;b&gt; &quot;q&quot; &amp; co">');
  });
});

describe("heading ids", () => {
  it("follows GitHub's slug rules", () => {
    expect(githubSlug("Decision Outcome")).toBe("decision-outcome");
    expect(githubSlug("Pros and Cons of the Options")).toBe("pros-and-cons-of-the-options");
    expect(githubSlug("Use Café (v2.0)!")).toBe("use-café-v20");
    const slug = headingSlugger();
    expect([slug("A"), slug("A"), slug("A-1"), slug("A")]).toEqual(["a", "a-1", "a-1-1", "a-2"]);
  });
});

describe("isRendererHtml (render cache entries)", () => {
  it("accepts what the renderer produces and rejects anything else", () => {
    expect(isRendererHtml(renderMarkdown("# T\n\n| a |\n|---|\n| [x](0002.md) ![i](i.png) |\n\n- [x] t\n\nf[^1]\n\n[^1]: n\n").html)).toBe(true);
    expect(isRendererHtml('<p>x</p><script>alert(1)</script>')).toBe(false);
    expect(isRendererHtml('<a href="javascript:alert(1)">x</a>')).toBe(false);
    expect(isRendererHtml('<a href="javascript&#x3A;alert(1)">x</a>')).toBe(false);
    expect(isRendererHtml('<a title=">" onclick="alert(1)">x</a>')).toBe(false);
    expect(isRendererHtml("<a href=javascript:alert(1)>x</a>")).toBe(false);
    expect(isRendererHtml('<img src="x" onerror="alert(1)">')).toBe(false);
    expect(isRendererHtml("<!-- x --><p>y</p>")).toBe(false);
    expect(isRendererHtml('<a href="&#x6a;avascript:alert(1)">x</a>')).toBe(false);
    expect(isRendererHtml('<a href="java&Tab;script:alert(1)">x</a>')).toBe(false);
    // Shapes a browser reads as attributes though no simple pattern does, and URLs the renderer never writes.
    expect(isRendererHtml('<img/src="x"/onerror=alert(1)>')).toBe(false);
    expect(isRendererHtml('<p>x</p><img src="adrgen-image:eA" onerror="alert(1)"')).toBe(false);
    expect(isRendererHtml('<p>a <img src="x" onerror="alert(1)" b</p>')).toBe(false);
    expect(isRendererHtml('<a title="<script>">x</a>')).toBe(false);
    expect(isRendererHtml('<a title="x>y">x</a>')).toBe(false);
    expect(isRendererHtml('<img src="//evil.example/x">')).toBe(false);
    expect(isRendererHtml('<img src="https://evil.example/x">')).toBe(false);
    expect(isRendererHtml('<img src="adrgen-image:eA">')).toBe(true);
    expect(isRendererHtml('<P>x</P>')).toBe(false);
    expect(isRendererHtml('<a  href="#x">x</a>')).toBe(false);
    expect(isRendererHtml('<a href="../x.html">x</a>')).toBe(false);
    expect(isRendererHtml('</p class="x">')).toBe(false);
    expect(isRendererHtml("a < b")).toBe(false);
    expect(isRendererHtml("a &#x3C; b > c")).toBe(true);
    // Quotes and ampersands in ordinary URLs are escaped by the stringifier and stay acceptable.
    expect(isRendererHtml(renderMarkdown("[a](https://x.example/?a=1&b='2') [b](it's.md) ![c](https://x.example/i'.png)").html)).toBe(true);
  });
});
