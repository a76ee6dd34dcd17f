// jsdom for Jest. jsdom 29 is CommonJS that requires ES-module-only packages: Node 20.19+ allows
// that, Jest's module registry does not (before Node 24.9). So the tests load one CommonJS bundle
// of jsdom made with esbuild, cached in the temp directory per jsdom version.
import { build, type Plugin } from "esbuild";
import { existsSync, readFileSync, renameSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const jsdomDir = path.join(projectRoot, "node_modules", "jsdom");

// A bundled file no longer sits where its source did: pin each module's own location into it.
const keepModulePaths: Plugin = {
  name: "keep-module-paths",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!/__dirname|__filename|require\.resolve|import\.meta\.url/.test(source)) return undefined;
      const dir = path.dirname(args.path);
      const contents = source
        .replace(/\b__dirname\b/g, JSON.stringify(dir))
        .replace(/\b__filename\b/g, JSON.stringify(args.path))
        .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href))
        .replace(/require\.resolve\((["'])(\.[^"']+)\1\)/g, (_m, _q, rel: string) => JSON.stringify(path.resolve(dir, rel)));
      return { contents, loader: "js" };
    });
  },
};

/** The jsdom module, from a cached CommonJS bundle (built on first use, ~2 s). */
export async function loadJsdom(): Promise<typeof import("jsdom")> {
  const version = (JSON.parse(readFileSync(path.join(jsdomDir, "package.json"), "utf8")) as { version: string }).version;
  const bundle = path.join(tmpdir(), `adrgen-jsdom-v1-${version}-${Buffer.from(projectRoot).toString("hex").slice(-16)}.cjs`);
  if (!existsSync(bundle)) {
    // Written beside and renamed, so parallel test workers never read half a file.
    const partial = `${bundle}.${process.pid}.tmp`;
    await build({ entryPoints: [path.join(jsdomDir, "lib", "api.js")], bundle: true, platform: "node", format: "cjs", target: "node20", outfile: partial, external: ["canvas"], plugins: [keepModulePaths], logLevel: "error" });
    renameSync(partial, bundle);
  }
  return createRequire(import.meta.url)(bundle) as typeof import("jsdom");
}
