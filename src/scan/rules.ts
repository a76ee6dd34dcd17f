import { normalizeEvidence, type MergedContext } from "./merge.js";
import type { ContextItem } from "./types.js";
import { CLOUD_PLATFORMS, HTTP_SERVER_FRAMEWORKS } from "./vocabulary.js";

/** Dependency manifests and lock files: they show an SDK is installed, not where the app is deployed. */
const DEPENDENCY_MANIFEST =
  /(^|\/)(package\.json|package-lock\.json|yarn\.lock|pnpm-lock\.yaml|go\.mod|go\.sum|requirements[^/]*\.txt|pyproject\.toml|Pipfile(\.lock)?|poetry\.lock|setup\.(py|cfg)|pom\.xml|build\.gradle(\.kts)?|Gemfile(\.lock)?|composer\.(json|lock)|Cargo\.(toml|lock)|[^/]*\.csproj)$/;

/** True for a file that only lists dependencies. */
export function isDependencyManifest(file: string): boolean {
  return DEPENDENCY_MANIFEST.test(file);
}

/** Cross-file conclusions applied after merging: `rest` from HTTP frameworks, cloud platforms only from deployment evidence. */
export function applyPostRules(context: MergedContext): MergedContext {
  const infra = context.infra
    .map((item) => (CLOUD_PLATFORMS.has(item.name) ? { ...item, evidence: item.evidence.filter((e) => !isDependencyManifest(e.file)) } : item))
    .filter((item) => item.evidence.length > 0);

  const servers = context.frameworks.filter((item) => HTTP_SERVER_FRAMEWORKS.has(item.name));
  let apiStyles = context.apiStyles;
  if (servers.length > 0) {
    const derived = servers.flatMap((server) => server.evidence.map((e) => ({ file: e.file, ...(e.line !== undefined ? { line: e.line } : {}), detail: `HTTP server framework ${server.name}` })));
    const existing = apiStyles.find((item) => item.name === "rest");
    const rest: ContextItem = { ...existing, name: "rest", evidence: normalizeEvidence([...(existing?.evidence ?? []), ...derived]) };
    apiStyles = [...apiStyles.filter((item) => item.name !== "rest"), rest].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  return { ...context, infra, apiStyles };
}
