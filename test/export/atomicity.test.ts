// All or nothing: when a write fails part-way through an import, every file this run created is removed
// (the failures come through the injected file system, as in test/faults).
import { afterAll, describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { importAdrs } from "../../src/app/import.js";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { nodeFileSystem, type FileSystem } from "../../src/io/file-system.js";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const adr = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2026-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nWhy ${n}.\n`;

async function exportFile(): Promise<string> {
  const files: Record<string, string> = { ".git/HEAD": "x" };
  for (let n = 1; n <= 4; n++) files[`docs/adr/000${n}-adr-${n}.md`] = adr(n, `ADR ${n}`);
  const source = makeTempDir(files);
  expect((await runAdrgen(["export", "--out", "e.json"], { cwd: source })).code).toBe(0);
  return path.join(source, "e.json");
}

/** The real file system, except that creating the `nth` ADR file (1-based) fails as `fail` says. */
function failingFs(nth: number, fail: (file: string) => Promise<never> | void): FileSystem {
  let count = 0;
  return {
    ...nodeFileSystem,
    async open(file, flags, mode) {
      if (flags === "wx" && file.endsWith(".md") && ++count === nth) {
        const failed = fail(file);
        if (failed) return failed;
      }
      return nodeFileSystem.open(file, flags, mode);
    },
  };
}

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

async function runImport(target: string, source: string, fs: FileSystem): Promise<unknown> {
  const workspace = await resolveWorkspace({ cwd: target });
  return importAdrs(workspace, { source, renumber: true }, { cwd: target, stdin: Readable.from([]), fs }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("import is all or nothing", () => {
  it.each([
    ["ENOSPC", 3],
    ["EROFS", 1],
    ["EACCES", 4],
  ])("%s on file %i: the files already created are removed, the target's own ADRs and no lock or temp file are left", async (code, nth) => {
    const source = await exportFile();
    const target = makeTempDir({ ".git/HEAD": "x", "docs/adr/0001-ours.md": adr(1, "Ours") });
    const error = await runImport(target, source, failingFs(nth, () => Promise.reject(errno(code))));
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).exitCode).toBe(3);
    expect((error as AdrgenError).message).toContain(code);
    expect(readdirSync(path.join(target, "docs/adr"))).toEqual(["0001-ours.md"]);
    expect(readFileSync(path.join(target, "docs/adr/0001-ours.md"), "utf8")).toBe(adr(1, "Ours"));
  });

  it("a write that fails half-way (disk full while writing) leaves nothing either", async () => {
    const source = await exportFile();
    const target = makeTempDir({ ".git/HEAD": "x" });
    const fs: FileSystem = {
      ...nodeFileSystem,
      async open(file, flags, mode) {
        const handle = await nodeFileSystem.open(file, flags, mode);
        if (!file.endsWith("0003-adr-3.md")) return handle;
        return {
          async writeFile(data, encoding) {
            await handle.writeFile(data.slice(0, 4), encoding);
            throw errno("ENOSPC");
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const error = await runImport(target, source, fs);
    expect((error as AdrgenError).message).toMatch(/ENOSPC/);
    expect(readdirSync(path.join(target, "docs/adr"))).toEqual([]);
  });

  it("a file another tool creates meanwhile is left alone, and this run's files are removed", async () => {
    const source = await exportFile();
    const target = makeTempDir({ ".git/HEAD": "x" });
    const theirs = path.join(target, "docs/adr/0002-adr-2.md");
    const error = await runImport(
      target,
      source,
      failingFs(2, (file) => {
        writeFileSync(file, "theirs\n");
      }),
    );
    expect((error as AdrgenError).message).toMatch(/already exists/);
    expect(readdirSync(path.join(target, "docs/adr"))).toEqual(["0002-adr-2.md"]);
    expect(readFileSync(theirs, "utf8")).toBe("theirs\n");
  });

  it("the successful run through the same injected file system writes all four", async () => {
    const source = await exportFile();
    const target = makeTempDir({ ".git/HEAD": "x" });
    expect(await runImport(target, source, failingFs(99, () => Promise.reject(errno("EIO"))))).toBeUndefined();
    expect(readdirSync(path.join(target, "docs/adr"))).toEqual(["0001-adr-1.md", "0002-adr-2.md", "0003-adr-3.md", "0004-adr-4.md"]);
  });
});
