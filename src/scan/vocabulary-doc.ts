import { CONTEXT_CATEGORIES } from "./types.js";
import { CLOUD_PLATFORMS, HTTP_SERVER_FRAMEWORKS, VOCABULARY } from "./vocabulary.js";

export const VOCABULARY_DOC_START = "<!-- adrgen:vocabulary:start -->";
export const VOCABULARY_DOC_END = "<!-- adrgen:vocabulary:end -->";

/** The README's vocabulary table, generated from VOCABULARY so docs and detectors agree. */
export function formatVocabularyMarkdown(): string {
  const rows = CONTEXT_CATEGORIES.map((category) => `| \`${category}\` | ${[...VOCABULARY[category]].sort().map((n) => `\`${n}\``).join(", ")} |`);
  return [
    VOCABULARY_DOC_START,
    "| Array | Canonical names |",
    "| --- | --- |",
    ...rows,
    "",
    `\`rest\` is reported when one of these HTTP server frameworks serves the app: ${[...HTTP_SERVER_FRAMEWORKS].sort().map((n) => `\`${n}\``).join(", ")}.`,
    "",
    `Cloud platforms (${[...CLOUD_PLATFORMS].sort().map((n) => `\`${n}\``).join(", ")}) are named only from deployment evidence (Terraform, CI deploy steps, platform config), never from an SDK dependency alone.`,
    VOCABULARY_DOC_END,
  ].join("\n");
}
