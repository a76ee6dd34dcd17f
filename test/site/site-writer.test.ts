// writeSiteAtomic through a symlinked output folder: the folder the link points to gets the new site
// and the link stays a link.
import { afterAll, describe, expect, it } from "@jest/globals";
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SITE_MARKER } from "../../src/site/site-manifest.js";
import { writeSiteAtomic } from "../../src/site/site-writer.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

describe("writeSiteAtomic", () => {
  it("replaces the real folder behind a symlinked out and keeps the link", () => {
    const dir = makeTempDir();
    const real = path.join(dir, "real", "site");
    mkdirSync(real, { recursive: true });
    writeFileSync(path.join(real, "old.html"), "old");
    writeFileSync(path.join(real, SITE_MARKER), JSON.stringify({ generator: "adrgen" }));
    const link = path.join(dir, "public");
    symlinkSync(real, link);

    writeSiteAtomic(link, [{ path: "index.html", content: "new" }], { generator: "adrgen" });

    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(path.join(real, "index.html"), "utf8")).toBe("new");
    expect(readdirSync(real).sort()).toEqual([SITE_MARKER, "index.html"].sort());
    // Nothing left beside either the link or the real folder.
    expect(readdirSync(dir).sort()).toEqual(["public", "real"]);
    expect(readdirSync(path.dirname(real))).toEqual(["site"]);
  });
});
