// Assembles README.md from docs/readme/*.md: `npm run readme` writes it, `--check` exits 1 when stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
/** The parts, in README order. */
export const README_PARTS = [
  "head.md",
  "reading.md",
  "search.md",
  "site.md",
  "writing.md",
  "new.md",
  "offline-engine.md",
  "anthropic.md",
  "revise.md",
  "editing-head.md",
  "editing.md",
  "lint-head.md",
  "lint.md",
  "check.md",
  "suggest.md",
  "export.md",
  "mcp.md",
  "context.md",
  "context-sources.md",
  "security.md",
  "tail.md",
  "performance.md",
];

/** The README text the parts make. */
export function assembleReadme() {
  const parts = README_PARTS.map((name) => readFileSync(`${root}docs/readme/${name}`, "utf8").trim());
  return `${parts.join("\n\n")}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = assembleReadme();
  if (process.argv.includes("--check")) {
    const current = readFileSync(`${root}README.md`, "utf8");
    if (current !== text) {
      console.error("README.md is stale: run npm run readme");
      process.exit(1);
    }
  } else {
    writeFileSync(`${root}README.md`, text);
    console.error("wrote README.md");
  }
}
