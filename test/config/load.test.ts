import { afterAll, describe, expect, it } from "@jest/globals";
import { loadConfig } from "../../src/config/load.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const BOM = "\uFEFF";

describe("loadConfig with a byte order mark", () => {
  it("reads .adrgenrc.json and package.json saved with a UTF-8 BOM", async () => {
    const rc = makeTempDir({ ".adrgenrc.json": `${BOM}${JSON.stringify({ dir: "records" })}` });
    expect((await loadConfig(rc)).config).toEqual({ dir: "records" });
    const pkg = makeTempDir({ "package.json": `${BOM}${JSON.stringify({ name: "x", adrgen: { dir: "adr" } })}` });
    expect((await loadConfig(pkg)).config).toEqual({ dir: "adr" });
  });

  it("locates a syntax error after the BOM at the column an editor shows", async () => {
    const root = makeTempDir({ ".adrgenrc.json": `${BOM}{ nope` });
    await expect(loadConfig(root)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^\.adrgenrc\.json:1:3: not valid JSON/) });
  });
});
