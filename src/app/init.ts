import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_DIR, toPosix, type Workspace } from "../config/workspace.js";
import { nodeFileSystem, type FileSystem } from "../io/file-system.js";
import { writeFileAtomic } from "../io/fs.js";
import { FIRST_ADR_TITLE, firstAdrSections } from "./first-adr.js";
import { planNewAdr, writeNewAdr } from "./new-adr.js";

export interface InitOptions {
  /** `--template`; MADR 4 unless the config names another. */
  template?: string | undefined;
}

export interface InitDeps {
  cwd: string;
  env: NodeJS.ProcessEnv;
  fs?: FileSystem;
}

export type InitResult =
  | { created: false; dir: string; dirRel: string }
  | { created: true; dir: string; dirRel: string; adrPath: string; recorded: string[] };

/**
 * Creates the ADR directory, records where it is (`.adr-dir`; `.adrgenrc.json` for a non-default
 * directory when there is no config yet) and writes ADR 0001. An existing directory holding
 * markdown files is left alone: init never overwrites.
 */
export async function initAdrDir(workspace: Workspace, options: InitOptions, deps: InitDeps): Promise<InitResult> {
  const fs = deps.fs ?? nodeFileSystem;
  const dir = workspace.primary;
  const existing = await fs.readdir(dir.path).catch(() => undefined);
  if (existing?.some((name) => /\.md$/i.test(name))) return { created: false, dir: dir.path, dirRel: dir.rel };

  const recorded: string[] = [];
  const record = async (name: string, text: string) => {
    const file = path.join(workspace.root, name);
    const current = await fs.readFile(file).catch(() => undefined);
    if (current?.trim() === text.trim()) return;
    await writeFileAtomic(file, text, fs);
    recorded.push(file);
  };
  // Everything is validated (template, date) before the first write.
  const plan = await planNewAdr(
    workspace,
    { title: FIRST_ADR_TITLE, template: options.template, status: "accepted", blank: false, sections: firstAdrSections(dir.rel) },
    { cwd: deps.cwd, env: deps.env, fs },
  );
  const result = await writeNewAdr(plan, { fs });
  // adr-tools reads `.adr-dir`; adrgen reads it too, after its own config.
  const dirForFile = toPosix(path.relative(workspace.root, dir.path)) || ".";
  await record(".adr-dir", `${dirForFile}\n`);
  if (!workspace.configFile && dir.rel !== DEFAULT_DIR && !existsSync(path.join(workspace.root, ".adrgenrc.json"))) {
    await record(".adrgenrc.json", `${JSON.stringify({ dir: dirForFile }, null, 2)}\n`);
  }
  return { created: true, dir: dir.path, dirRel: dir.rel, adrPath: result.path, recorded };
}
