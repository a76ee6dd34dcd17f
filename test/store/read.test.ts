import { afterAll, describe, expect, it } from "@jest/globals";
import { symlinkSync } from "node:fs";
import path from "node:path";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { isAdrFileName, listAdrFiles, readRecord, readRecords, readSummaries, resolveAdr } from "../../src/store/read.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const NYGARD = (n: number, title: string, status = "Accepted") => `# ${n}. ${title}\n\nDate: 2020-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\nx\n`;

async function workspaceOf(files: Record<string, string | Buffer>, config?: object) {
  const root = makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n", ...(config ? { ".adrgenrc.json": JSON.stringify(config) } : {}), ...files });
  return { root, workspace: await resolveWorkspace({ cwd: root }) };
}

describe("listAdrFiles", () => {
  it("lists *.md directly in the ADR dir, sorted, without README, index and templates", async () => {
    const { workspace } = await workspaceOf({
      "docs/adr/0002-b.md": NYGARD(2, "B"),
      "docs/adr/0001-a.md": NYGARD(1, "A"),
      "docs/adr/README.md": "# ADRs\n",
      "docs/adr/index.md": "# Index\n",
      "docs/adr/template.md": "# T\n",
      "docs/adr/adr-template.md": "# T\n",
      "docs/adr/my-template-v2.md": "# T\n",
      "docs/adr/notes.txt": "not markdown",
      "docs/adr/sub/0003-nested.md": NYGARD(3, "C"),
    });
    const files = await listAdrFiles(workspace);
    expect(files.map((f) => f.relPath)).toEqual(["docs/adr/0001-a.md", "docs/adr/0002-b.md"]);
    expect(files[0]).toEqual({ path: path.join(workspace.root, "docs/adr/0001-a.md"), relPath: "docs/adr/0001-a.md", dirLabel: "docs/adr" });
  });

  it("yields nothing for a missing directory", async () => {
    const { workspace } = await workspaceOf({});
    expect(await listAdrFiles(workspace)).toEqual([]);
  });

  it("covers several ADR dirs in config order, labelled", async () => {
    const { workspace } = await workspaceOf(
      { "services/b/adr/0001-b.md": NYGARD(1, "B"), "services/a/adr/0001-a.md": NYGARD(1, "A") },
      { dirs: [{ path: "services/b/adr", label: "b" }, "services/a/adr"] },
    );
    expect((await listAdrFiles(workspace)).map((f) => [f.dirLabel, f.relPath])).toEqual([
      ["b", "services/b/adr/0001-b.md"],
      ["services/a/adr", "services/a/adr/0001-a.md"],
    ]);
  });

  it("knows which names are ADRs", () => {
    expect(["0001-x.md", "README.md", "readme.md", "INDEX.md", "template.md", "0001-x.txt"].map(isAdrFileName)).toEqual([true, false, false, false, false, false]);
  });
});

describe("reading", () => {
  it("reads summaries and records that agree", async () => {
    const { workspace } = await workspaceOf({ "docs/adr/0001-a.md": NYGARD(1, "Use A"), "docs/adr/0002-b.md": NYGARD(2, "Use B", "Proposed") });
    const summaries = await readSummaries(workspace);
    const records = await readRecords(workspace);
    expect(summaries.map((s) => [s.number, s.title, s.status])).toEqual([
      [1, "Use A", "accepted"],
      [2, "Use B", "proposed"],
    ]);
    expect(records.map((r) => [r.number, r.title, r.status, r.format])).toEqual([
      [1, "Use A", "accepted", "nygard"],
      [2, "Use B", "proposed", "nygard"],
    ]);
    expect(records[0]!.sections.map((s) => s.heading)).toEqual(["1. Use A", "Status", "Context"]);
  });

  it("keeps going past binary and unreadable files, with diagnostics", async () => {
    const { workspace, root } = await workspaceOf({
      "docs/adr/0001-a.md": NYGARD(1, "A"),
      "docs/adr/0002-image.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    });
    // A dangling symlink cannot be read, even by root.
    const broken = path.join(root, "docs/adr/0003-broken.md");
    symlinkSync(path.join(root, "nowhere.md"), broken);
    const summaries = await readSummaries(workspace);
    expect(summaries.map((s) => [s.number, s.title])).toEqual([
      [1, "A"],
      [2, null],
      [3, null],
    ]);
    expect(summaries[1]!.diagnostics?.map((d) => d.rule)).toEqual(["file-binary"]);
    expect(summaries[2]!.diagnostics?.map((d) => [d.rule, d.file])).toEqual([["file-unreadable", "docs/adr/0003-broken.md"]]);
    const record = await readRecord({ path: broken, relPath: "docs/adr/0003-broken.md", dirLabel: "docs/adr" });
    expect(record.diagnostics.map((d) => d.rule)).toEqual(["file-unreadable"]);
  });
});

describe("resolveAdr", () => {
  it("finds an ADR by number in any spelling, or by path", async () => {
    const { workspace, root } = await workspaceOf({ "docs/adr/0007-use-kafka.md": NYGARD(7, "Kafka"), "docs/adr/0010-x.md": NYGARD(1, "X") });
    expect((await resolveAdr(workspace, "7")).relPath).toBe("docs/adr/0007-use-kafka.md");
    expect((await resolveAdr(workspace, "0007")).relPath).toBe("docs/adr/0007-use-kafka.md");
    expect((await resolveAdr(workspace, "docs/adr/0010-x.md", root)).relPath).toBe("docs/adr/0010-x.md");
    expect((await resolveAdr(workspace, "0010-x.md", path.join(root, "docs/adr"))).relPath).toBe("docs/adr/0010-x.md");
  });

  it("rejects an unknown number with exit 2 and a hint", async () => {
    const { workspace } = await workspaceOf({ "docs/adr/0001-a.md": NYGARD(1, "A") });
    const error = await resolveAdr(workspace, "99").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdrgenError);
    expect(error).toMatchObject({ exitCode: 2, message: "No ADR numbered 99 in docs/adr." });
    expect((error as AdrgenError).hint).toMatch(/adrgen list/);
  });

  it("asks for a path when a number is duplicated", async () => {
    const { workspace } = await workspaceOf({ "docs/adr/0037-a.md": NYGARD(1, "A"), "docs/adr/0037-b.md": NYGARD(1, "B") });
    const error = (await resolveAdr(workspace, "37").catch((e: unknown) => e)) as AdrgenError;
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain("docs/adr/0037-a.md");
    expect(error.message).toContain("docs/adr/0037-b.md");
    expect(error.hint).toMatch(/path/);
  });

  it("rejects a path that is not an ADR file", async () => {
    const { workspace, root } = await workspaceOf({ "docs/adr/0001-a.md": NYGARD(1, "A") });
    await expect(resolveAdr(workspace, "docs/adr/0002-missing.md", root)).rejects.toMatchObject({ exitCode: 2 });
  });
});
