// Bundles the CLI with esbuild (code-split so each command loads only what it needs),
// then records the help text of every command so `adrgen --help` never loads yargs.
import { build } from "esbuild";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { copyFixtureTree } from "./fixture-copy.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));
const finalDir = `${root}/dist`;
// Build beside dist and swap it in at the end, so a test reading dist never sees half a build.
const outdir = `${root}/.dist-${process.pid}`;
/**
 * string-width (used by yargs and cliui for help layout) builds an Intl.Segmenter when it is
 * imported, which loads ICU data: ~10 ms per copy on every run, even when no help is printed.
 * This plugin defers that construction to the first use. If a new release changes the
 * statement, the build says so instead of silently losing the saving.
 */
const lazySegmenter = {
  name: "lazy-intl-segmenter",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const pattern = /^(const|var|let) (\w+) = new Intl\.Segmenter\(\);$/m;
      if (!pattern.test(source)) {
        return { contents: source, loader: "js", warnings: [{ text: `lazy-intl-segmenter: no top-level Segmenter in ${args.path}` }] };
      }
      const contents = source.replace(
        pattern,
        (_m, kind, name) => `let ${name}__lazy; ${kind} ${name} = { segment: (text) => (${name}__lazy ??= new Intl.Segmenter()).segment(text) };`,
      );
      return { contents, loader: "js" };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
// What every Node bundle of the CLI shares: ESM with code splitting, dependencies bundled.
const nodeBundle = {
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  // No syntax lowering: our TypeScript targets ES2023 and dependencies ship Node 20 syntax. A
  // node20 target would turn /\p{…}/v regex literals (lazily compiled) into eager `new RegExp` calls.
  target: "esnext",
  packages: "bundle",
  chunkNames: "chunks/[name]-[hash]",
  define: { __ADRGEN_VERSION__: JSON.stringify(pkg.version) },
  // CommonJS dependencies inside an ESM bundle need require, __filename and __dirname.
  banner: {
    js: [
      'import { createRequire as __adrgenCreateRequire } from "node:module";',
      "const require = __adrgenCreateRequire(import.meta.url);",
    ].join("\n"),
  },
  legalComments: "none",
  logLevel: "warning",
};
await build({
  ...nodeBundle,
  entryPoints: { adrgen: `${root}/src/bin.ts` },
  outdir,
  plugins: [lazySegmenter],
});
chmodSync(`${outdir}/adrgen.js`, 0o755);

/**
 * The config schema (zod, several times the size of the whole scanner) is needed only when a
 * config file exists: the lean bundle requires it from its own file instead of holding it, so
 * the code cache of a plain run stays small.
 */
const configSchemaApart = {
  name: "config-schema-apart",
  setup(b) {
    b.onResolve({ filter: /^\.\/schema\.js$/ }, (args) =>
      args.kind === "dynamic-import" && args.importer.endsWith(`${path.sep}config${path.sep}load.ts`) ? { path: "config-schema", namespace: "adrgen-lean" } : undefined,
    );
    // In its place, a module that loads dist/lean/config-schema.cjs with its own code cache.
    b.onLoad({ filter: /^config-schema$/, namespace: "adrgen-lean" }, () => ({
      resolveDir: root,
      loader: "js",
      contents: [
        'import path from "node:path";',
        `import { loadCachedBundle } from ${JSON.stringify(`${root}/src/io/code-cache.ts`)};`,
        'const { exports } = loadCachedBundle(path.join(__dirname, "config-schema.cjs"), { scriptName: "adrgen/dist/lean/config-schema.cjs", ascii: true });',
        "export const configSchema = exports.configSchema;",
      ].join("\n"),
    }));
  },
};
await build({
  entryPoints: [`${root}/src/config/schema.ts`],
  outfile: `${outdir}/lean/config-schema.cjs`,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "esnext",
  charset: "ascii",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
});

// The lean `adrgen context` path (bin.ts loads dist/lean/context.cjs when it understood every
// argument): one CommonJS file holding the command body, config, scanner, detectors and parsers,
// which bin.ts loads through vm.Script with the V8 code cache made below (src/io/code-cache.ts):
// compiling this code was most of a small scan's run time, and Node 20 caches no ES modules.
// Packages the path needs only rarely stay out of the file (required from node_modules when used):
// globby (no git), and the markdown and YAML libraries the fast ADR reader falls back to.
await buildLeanBundle("src/commands/context-lean.ts", "context.cjs", {
  external: ["globby", "yaml", "unified", "remark-*", "rehype-*", "mdast-*", "micromark*", "hast-*", "fast-xml-parser"],
  plugins: [configSchemaApart],
});
stampBundle(`${outdir}/lean/config-schema.cjs`, asciiOnly(`${outdir}/lean/config-schema.cjs`, readFileSync(`${outdir}/lean/config-schema.cjs`, "utf8")));

/**
 * The one spot where the ES-module source cannot be CommonJS as written, rewritten for dist/lean/cli.cjs
 * only (the build stops if it changed): the knowledge loader's top-level await of its YAML readers
 * (needed only without dist/kb) becomes a require.
 */
const commonJsFriendly = {
  name: "commonjs-friendly",
  setup(b) {
    b.onLoad({ filter: /[\\/]engines[\\/]offline[\\/]knowledge[\\/]load\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const awaited = 'await import("./source-loaders.js")';
      if (!source.includes(awaited)) throw new Error(`commonjs-friendly: ${args.path} no longer has ${awaited}`);
      return { contents: source.replace(awaited, 'require("./source-loaders.js")'), loader: "ts" };
    });
  },
};

// The whole CLI as one CommonJS file (src/commands/cli-lean.ts), loaded by bin.ts with a code cache made
// per command by the warm-up below, for the commands people run most (see LEAN_CLI_WARM_UPS). Packages only
// rare paths use stay in node_modules: the Anthropic SDK, the MCP server, prompts, and zod (config files
// load the config schema's own cached bundle; the offline engine never validates with zod).
await buildLeanBundle("src/commands/cli-lean.ts", "cli.cjs", {
  external: ["@anthropic-ai/sdk", "@modelcontextprotocol/sdk", "@inquirer/prompts", "zod", "playwright-core"],
  plugins: [configSchemaApart, commonJsFriendly, lazySegmenter],
});

/**
 * Builds a CommonJS bundle for bin.ts to load through vm.Script with a code cache (dist/lean/<name>),
 * checks it can be (ASCII only, no dynamic import()) and stamps it for its cache.
 */
async function buildLeanBundle(entry, name, { external, plugins }) {
  const file = `${outdir}/lean/${name}`;
  await build({
    entryPoints: [`${root}/${entry}`],
    outfile: file,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "esnext",
    packages: "bundle",
    external,
    plugins,
    // vm.Script gives a bundle no dynamic import(): esbuild then writes every import() as a require (Node >= 20.19 requires ES modules such as globby).
    supported: { "dynamic-import": false },
    define: { __ADRGEN_VERSION__: JSON.stringify(pkg.version), "import.meta.url": "adrgenModuleUrl" },
    inject: [`${root}/scripts/lean-import-meta.js`],
    // ASCII only, so bin.ts reads it as latin1 (decoding megabytes of UTF-8 costs milliseconds on every run; see asciiOnly).
    charset: "ascii",
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    logLevel: "warning",
  });
  const text = asciiOnly(file, readFileSync(file, "utf8"));
  // Outside string literals (a library's error message may mention import()).
  if (/\bimport\(/.test(text.replace(/"(?:[^"\\\n]|\\.)*"/g, '""'))) throw new Error(`dist/lean/${name} contains a dynamic import(), which vm.Script cannot run`);
  stampBundle(file, text);
}

/**
 * Returns `text` after checking it is ASCII only: bin.ts reads the lean bundles as latin1, several
 * times faster than decoding UTF-8. esbuild escapes non-ASCII characters everywhere but in regular
 * expression literals; write those as \u escapes in the source.
 */
function asciiOnly(file, text) {
  const nonAscii = /.{0,60}[^\x00-\x7f].{0,20}/.exec(text);
  if (nonAscii) throw new Error(`${path.relative(outdir, file)} has a non-ASCII character esbuild could not escape (write it as \\u in the source): ${nonAscii[0]}`);
  return text;
}

/** Writes `text` to `file` after a stamp line that ties its code cache to this exact text (src/io/code-cache.ts): V8 itself compares lengths only. */
function stampBundle(file, text) {
  writeFileSync(file, `// adrgen-bundle ${createHash("sha256").update(text).digest("hex").slice(0, 32)}\n${text}`);
}

// The static site's browser script and stylesheet (adrgen site): one minified IIFE with minisearch
// inside, loaded by a script tag because pages opened from file:// cannot load modules or fetch.
await build({
  entryPoints: { "site-client": `${root}/src/site/client/main.ts`, "site-client-style": `${root}/src/site/client/site.css` },
  outdir,
  entryNames: "[name]",
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});
renameSync(`${outdir}/site-client-style.css`, `${outdir}/site-client.css`);

// The site's render worker (src/site/render-worker.ts): a cold `adrgen site` of many ADRs renders bodies on
// worker threads too. One self-contained file (no shared chunks) with remark, rehype and nothing else.
await build({
  ...nodeBundle,
  splitting: false,
  entryPoints: { "site-render-worker": `${root}/src/site/render-worker.ts` },
  outdir,
});

// The knowledge base ships as YAML for contributors and as JSON (dist/kb) for fast loading,
// validated here with the same zod schemas (defaults applied), so run time can trust it.
const schemaModule = `${outdir}/.knowledge-schema.mjs`;
await build({ entryPoints: [`${root}/src/engines/offline/knowledge/schema.ts`], outfile: schemaModule, bundle: true, format: "esm", platform: "node", logLevel: "warning" });
const { topicSchema, dimensionsFileSchema } = await import(pathToFileURL(schemaModule).href);
rmSync(schemaModule);
const { parse: parseYaml } = await import("yaml");
const knowledge = {};
const topicFiles = readdirSync(`${root}/knowledge/topics`).filter((f) => f.endsWith(".yaml")).sort().map((f) => `topics/${f}`);
for (const rel of ["dimensions.yaml", ...topicFiles]) {
  const schema = rel === "dimensions.yaml" ? dimensionsFileSchema : topicSchema;
  const result = schema.safeParse(parseYaml(readFileSync(`${root}/knowledge/${rel}`, "utf8")));
  if (!result.success) throw new Error(`knowledge/${rel} is invalid: ${result.error.message}`);
  knowledge[rel] = result.data;
}
// One JSON file per knowledge file (dist/kb/<path>.json) plus every topic's match data in one
// small index, so a run parses the index and the one topic it chose, not the whole ~1 MB (~17 ms).
mkdirSync(`${outdir}/kb/topics`, { recursive: true });
for (const [rel, data] of Object.entries(knowledge)) writeFileSync(`${outdir}/kb/${rel.replace(/\.yaml$/, ".json")}`, JSON.stringify(data));
const stubs = Object.fromEntries(
  topicFiles.map((rel) => {
    const { id, title, match, options } = knowledge[rel];
    return [rel, { id, title, match: { phrases: match.phrases, keywords: match.keywords }, options: options.map((o) => ({ id: o.id, name: o.name, aliases: o.aliases })) }];
  }),
);
writeFileSync(`${outdir}/kb/stubs.json`, JSON.stringify(stubs));

// Built-in templates are precompiled, so `new` loads the Handlebars runtime instead of its compiler.
const { default: Handlebars } = await import("handlebars");
const specs = readdirSync(`${root}/templates`)
  .filter((f) => f.endsWith(".hbs"))
  .sort()
  .map((f) => `  ${JSON.stringify(f.slice(0, -4))}: ${Handlebars.precompile(readFileSync(`${root}/templates/${f}`, "utf8"), { noEscape: true })}`);
writeFileSync(`${outdir}/templates.cjs`, `// Generated by scripts/build.mjs from templates/*.hbs.\nmodule.exports = {\n${specs.join(",\n")}\n};\n`);

/**
 * The commands run from dist/lean/cli.cjs with a code cache, each with the warm-up run that makes it
 * (in a temporary repository of every fixture and our own ADRs), after an optional step that sets the
 * repository up for it. Each cache is about a megabyte of the package: only commands people run
 * often and wait for (`suggest --staged` is the pre-commit hook, run on every commit).
 */
const LEAN_CLI_WARM_UPS = [
  { args: ["list"] },
  { args: ["show", "1"] },
  { args: ["new", "--yes", "choose message queue"] },
  {
    args: ["suggest", "--staged"],
    // A commit, then a staged dependency change that calls for an ADR.
    prepare(warm, git) {
      git("commit", "-q", "-m", "warm-up");
      const manifest = `${warm}/node-postgres-redis/package.json`;
      const pkgJson = JSON.parse(readFileSync(manifest, "utf8"));
      writeFileSync(manifest, JSON.stringify({ ...pkgJson, dependencies: { ...pkgJson.dependencies, kafkajs: "^2.2.4" } }, null, 2));
      git("add", "node-postgres-redis/package.json");
    },
  },
];

const env = { ...process.env, ADRGEN_NO_FAST_HELP: "1", NO_COLOR: "1", FORCE_COLOR: "0" };
/** The environment variables the warm-up runs keep (see below). */
const WARM_UP_ENV = new Set(["PATH", "HOME", "TMPDIR", "TMP", "TEMP", "SystemRoot", "LANG", "LC_ALL", "NO_COLOR", "FORCE_COLOR"]);
const run = (args) => execFileSync(process.execPath, [`${outdir}/adrgen.js`, ...args], { env, encoding: "utf8" });
const help = { "": run(["--help"]), "--version": run(["--version"]) };
const names = [...help[""].matchAll(/^\s{2}adrgen (\S+)/gm)].map((m) => m[1]).filter((n) => n !== "completion");
for (const name of names) help[name] = run([name, "--help"]);
writeFileSync(`${outdir}/help.json`, JSON.stringify(help));
// The code caches of the lean bundles: warm-up runs in one temporary git repository holding every fixture
// repository and our own ADRs compile what each path calls, and the CLI saves V8's cache of it (a scan
// for dist/lean/context.cjs, then LEAN_CLI_WARM_UPS for dist/lean/cli.cjs; each run with the config file
// also re-saves the config schema's cache). Without fixtures (a build outside the repository) or git,
// the CLI simply runs without caches.
const fixtures = `${root}/test/fixtures/repos`;
if (existsSync(fixtures)) {
  const warm = mkdtempSync(path.join(tmpdir(), "adrgen-warmup-"));
  try {
    for (const name of readdirSync(fixtures)) copyFixtureTree(`${fixtures}/${name}`, `${warm}/${name}`);
    cpSync(`${root}/docs/adr`, `${warm}/docs/adr`, { recursive: true });
    // A config file, so the runs also load (and cache) the config schema's bundle.
    writeFileSync(`${warm}/.adrgenrc.json`, "{}\n");
    // Only what running git and Node needs: NODE_OPTIONS would put V8 flags into the caches (no run
    // without them could use those), NODE_COMPILE_CACHE would make the runs save nothing, ADRGEN_*
    // switches would take other paths, and inside a git hook (npm test from pre-commit) GIT_INDEX_FILE
    // and friends point at the project's own repository.
    const warmEnv = Object.fromEntries(Object.entries(env).filter(([name]) => WARM_UP_ENV.has(name) || name === "ADRGEN_NO_FAST_HELP"));
    const run = (command, args, extra = {}) => execFileSync(command, args, { cwd: warm, env: { ...warmEnv, ...extra }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    run("git", ["init", "-q"]);
    run("git", ["add", "-A"]);
    warmEnv.ADRGEN_BUILD_CODE_CACHE = "1";
    run(process.execPath, [`${outdir}/adrgen.js`, "context", "--json", "--cwd", warm]);
    for (const name of ["context", "config-schema"]) {
      if (!existsSync(`${outdir}/lean/${name}.cjs.cache`)) throw new Error(`the warm-up run wrote no cache for ${name}.cjs`);
    }
    // One cache per command of the whole-CLI bundle, each made by a typical run of that command.
    const git = (...args) => run("git", ["-c", "user.name=adrgen build", "-c", "user.email=build@adrgen.invalid", "-c", "commit.gpgsign=false", ...args]);
    for (const { args, prepare } of LEAN_CLI_WARM_UPS) {
      prepare?.(warm, git);
      run(process.execPath, [`${outdir}/adrgen.js`, ...args]);
      if (!existsSync(`${outdir}/lean/cli.${args[0]}.cache`)) throw new Error(`the warm-up run wrote no cache for adrgen ${args[0]}`);
    }
    // The caches must serve a plain run of this Node: one that says otherwise is a build problem worth a line.
    const check = spawnSync(process.execPath, [`${outdir}/adrgen.js`, "list"], { cwd: warm, env: { PATH: process.env.PATH, ADRGEN_DEBUG: "1" }, encoding: "utf8" });
    if (!check.stderr.includes("debug cli.list: code cache accepted")) throw new Error(`a plain run does not use the caches: ${check.stderr.trim().split("\n")[0]}`);
  } catch (error) {
    console.error(`build: the lean bundles' code caches are missing or unusable, so those paths compile at run time (${(error.stderr || error.message).trim().split("\n")[0]})`);
  } finally {
    rmSync(warm, { recursive: true, force: true });
  }
}

// Two renames leave dist missing for microseconds instead of for the whole build.
const oldDir = `${root}/.dist-old-${process.pid}`;
try {
  renameSync(finalDir, oldDir);
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
renameSync(outdir, finalDir);
rmSync(oldDir, { recursive: true, force: true });
console.error(`built dist/adrgen.js (${names.length} commands)`);
