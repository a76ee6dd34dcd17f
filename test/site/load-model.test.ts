// The site model: every ADR of every directory, ids, relations both ways, links rewritten, images copied
// or not, malformed files with warnings.
import { afterAll, describe, expect, it } from "@jest/globals";
import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { loadSiteModel } from "../../src/site/load-model.js";
import type { SiteAdr, SiteModel } from "../../src/site/model.js";
import { assignIds, idStem } from "../../src/site/site-ids.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

function repo(): string {
  return makeTempDir({
    ".adrgenrc.json": JSON.stringify({ dirs: ["docs/adr", { path: "services/api/adr", label: "api" }] }),
    "docs/adr/0001-record-decisions.md": "---\nstatus: accepted\ndate: 2024-01-02\ndecision-makers: [Ann, Bo]\ntags: [process]\n---\n\n# Record decisions\n\nSee [the queue](0002-use-queue.md#decision-outcome) and [API style](../../services/api/adr/0001-rest.md).\n",
    "docs/adr/0002-use-queue.md":
      "# 2. Use a queue\n\nDate: 2024-02-03\n\n## Status\n\nAccepted\n\nSupersedes [1. Record decisions](0001-record-decisions.md)\n\nRelates to [ADR-0003](0003-broken.md)\n\n## Decision Outcome\n\n![flow](img/flow.png) ![huge](img/huge.png) ![outside](img/escape.png) ![badge](https://img.shields.io/b.svg)\n\nSource: [main](../../src/main.ts), [index](README.md), [no extension](0001-record-decisions#context).\n",
    "docs/adr/0003-broken.md": "---\nstatus: [unclosed\ndate: 2024-14-02\n---\nNo title here, just text with <script>alert(1)</script>.\n",
    "docs/adr/0004-binary.md": Buffer.from([0, 1, 2, 3, 0, 255, 0]),
    "docs/adr/README.md": "# Index\n",
    "docs/adr/img/flow.png": PNG,
    "docs/adr/img/huge.png": Buffer.alloc(1024 * 1024 + 1),
    "services/api/adr/0001-rest.md": "---\nstatus: proposed\n---\n\n# Use REST\n\n## Links\n\n* Amends [ADR-0002](../../../docs/adr/0002-use-queue.md)\n",
    "src/main.ts": "export {};\n",
  });
}

async function load(dir: string): Promise<SiteModel> {
  return loadSiteModel(await resolveWorkspace({ cwd: dir }), { generatedAt: "2026-01-15T00:00:00.000Z" });
}

function byPath(model: SiteModel, relPath: string): SiteAdr {
  const adr = model.adrs.find((a) => a.relPath === relPath);
  if (!adr) throw new Error(`no ${relPath} in ${model.adrs.map((a) => a.relPath).join(", ")}`);
  return adr;
}

describe("loadSiteModel", () => {
  it("reads every ADR of every directory, ordered by directory label, number and path, with unique file-safe ids", async () => {
    const model = await load(repo());
    expect(model.adrs.map((a) => a.relPath)).toEqual([
      "services/api/adr/0001-rest.md",
      "docs/adr/0001-record-decisions.md",
      "docs/adr/0002-use-queue.md",
      "docs/adr/0003-broken.md",
      "docs/adr/0004-binary.md",
    ]);
    expect(model.adrs.map((a) => a.id)).toEqual(["services-api-adr-0001-rest", "docs-adr-0001-record-decisions", "docs-adr-0002-use-queue", "docs-adr-0003-broken", "docs-adr-0004-binary"]);
    for (const adr of model.adrs) expect(adr.href).toBe(`adr/${adr.id}.html`);
    expect(model.generatedAt).toBe("2026-01-15T00:00:00.000Z");
  });

  it("carries the fields the pages show", async () => {
    const first = byPath(await load(repo()), "docs/adr/0001-record-decisions.md");
    expect(first).toMatchObject({ number: 1, title: "Record decisions", status: "accepted", date: "2024-01-02", tags: ["process"], decisionMakers: ["Ann", "Bo"], dirLabel: "docs/adr", warnings: [] });
    expect(first.text).toBe("See the queue and API style.");
  });

  it("resolves relations to ids in both directions, across directories", async () => {
    const model = await load(repo());
    const queue = byPath(model, "docs/adr/0002-use-queue.md");
    const first = byPath(model, "docs/adr/0001-record-decisions.md");
    const rest = byPath(model, "services/api/adr/0001-rest.md");
    expect(queue.supersedes).toEqual([first.id]);
    expect(first.supersededBy).toEqual([queue.id]);
    expect(queue.links).toEqual(expect.arrayContaining([{ type: "relates to", id: "docs-adr-0003-broken" }, { type: "amended by", id: rest.id }]));
    expect(rest.links).toEqual([{ type: "amends", id: queue.id }]);
    expect(byPath(model, "docs/adr/0003-broken.md").links).toEqual([{ type: "relates to", id: queue.id }]);
  });

  it("rewrites links between ADRs to page hrefs and marks other files as outside the site", async () => {
    const model = await load(repo());
    const first = byPath(model, "docs/adr/0001-record-decisions.md");
    expect(first.bodyHtml).toContain('<a href="docs-adr-0002-use-queue.html#decision-outcome">the queue</a>');
    expect(first.bodyHtml).toContain('<a href="services-api-adr-0001-rest.html">API style</a>');
    const queue = byPath(model, "docs/adr/0002-use-queue.md");
    expect(queue.bodyHtml).toContain('<span class="outside-link" title="src/main.ts is not part of this site">main</span>');
    expect(queue.bodyHtml).toContain('<a href="../index.html">index</a>');
    expect(queue.bodyHtml).toContain('<a href="docs-adr-0001-record-decisions.html#context">no extension</a>');
    expect(queue.bodyHtml).not.toContain("adrgen-");
  });

  it("copies small local images inside the repository and shows alt text for the rest; never loads remote ones", async () => {
    const dir = repo();
    symlinkSync("/etc/hostname", path.join(dir, "docs/adr/img/escape.png"));
    const model = await load(dir);
    const queue = byPath(model, "docs/adr/0002-use-queue.md");
    expect(model.media).toHaveLength(1);
    const media = model.media![0]!;
    expect(media.path).toMatch(/^media\/[0-9a-f]{10}-flow\.png$/);
    expect(media.source).toBe(path.join(dir, "docs/adr/img/flow.png"));
    expect(queue.bodyHtml).toContain(`<img src="../${media.path}" alt="flow">`);
    expect(queue.bodyHtml).toContain('<span class="image-alt">huge</span>');
    expect(queue.bodyHtml).toContain('<span class="image-alt">outside</span>');
    expect(queue.bodyHtml).toContain('class="remote-image"');
    expect(queue.bodyHtml).not.toMatch(/<img[^>]*src="https?:/);
  });

  it("copies only real images: not a secret behind an image name, not an SVG that could run script", async () => {
    const dir = makeTempDir({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".env": "API_KEY=sk-secret-value\n",
      "docs/adr/fake.png": "API_KEY=sk-secret-value\n",
      "docs/adr/ok.svg": '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4" fill="#123"/><use href="#a"/></svg>',
      "docs/adr/active.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
      "docs/adr/remote.svg": '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>',
      "docs/adr/0001-a.md": "# A\n\n![secret](secret.png) ![fake](fake.png) ![ok](ok.svg) ![active](active.svg) ![remote](remote.svg)\n",
    });
    symlinkSync("../../.env", path.join(dir, "docs/adr/secret.png"));
    const model = await load(dir);
    expect(model.media!.map((m) => m.source)).toEqual([path.join(dir, "docs/adr/ok.svg")]);
    const html = model.adrs[0]!.bodyHtml;
    expect(html).toMatch(/<img src="\.\.\/media\/[0-9a-f]{10}-ok\.svg" alt="ok">/);
    for (const alt of ["secret", "fake", "active", "remote"]) expect(html).toContain(`<span class="image-alt">${alt}</span>`);
  });

  it("gives a malformed ADR a page with what could be read and warnings", async () => {
    const model = await load(repo());
    const broken = byPath(model, "docs/adr/0003-broken.md");
    expect(broken.title).toBe("Untitled");
    expect(broken.number).toBe(3);
    expect(broken.warnings.join("\n")).toMatch(/front matter/i);
    expect(broken.warnings.join("\n")).toMatch(/No H1 title/);
    expect(broken.bodyHtml).toContain("No title here, just text with");
    // Inline tags are dropped; the words between them are ordinary text.
    expect(broken.bodyHtml + broken.text).not.toMatch(/<script|<\/script/);
    const binary = byPath(model, "docs/adr/0004-binary.md");
    expect(binary).toMatchObject({ number: 4, title: "Untitled", bodyHtml: "", text: "" });
    expect(binary.warnings).toEqual(["The file is binary, not markdown."]);
  });

  it("warns about relations that point outside the site", async () => {
    const dir = makeTempDir({ "docs/adr/0001-a.md": "# A\n\n## Status\n\nSuperseded by [ADR-0009](0009-gone.md)\n" });
    const [adr] = (await load(dir)).adrs;
    expect(adr!.supersededBy).toEqual([]);
    expect(adr!.warnings).toEqual([expect.stringMatching(/^Line 5: Superseded by 0009-gone\.md, which is not a decision of this site\.$/)]);
  });

  it("takes the title from the option, then config site.title, then the repository folder", async () => {
    const dir = makeTempDir({ "docs/adr/0001-a.md": "# A\n" });
    expect((await load(dir)).title).toBe(path.basename(dir));
    writeFileSync(path.join(dir, ".adrgenrc.json"), JSON.stringify({ site: { title: "Our decisions" } }));
    expect((await load(dir)).title).toBe("Our decisions");
    const workspace = await resolveWorkspace({ cwd: dir });
    expect((await loadSiteModel(workspace, { title: "Flag" })).title).toBe("Flag");
  });
});

describe("site ids", () => {
  it("are lower-case kebab stems of the path, unique even when paths differ only in case or punctuation", () => {
    expect(idStem("docs/adr/0003-Use Postgres.md")).toBe("docs-adr-0003-use-postgres");
    expect(idStem("../x/Ünïcode.md")).toBe("x-unicode");
    expect(idStem("con.md")).toBe("con-adr");
    expect(idStem("☃.md")).toBe("adr");
    expect(assignIds(["a/B.md", "a/b.md", "a-b.md", "a_b.md"])).toEqual(["a-b", "a-b-2", "a-b-3", "a-b-4"]);
    expect(idStem(`${"x".repeat(300)}.md`)).toHaveLength(100);
  });
});
