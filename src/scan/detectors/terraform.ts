import type { Detector, Evidence, Finding } from "../types.js";
import { cleanVersion, itemFinding, itemFindings } from "./dependency-rules.js";
import { ENGINE_DEFAULTS, engineRefs, terraformProviderRefs, terraformModuleRefs, terraformPlatformOf, terraformResourceRefs } from "./terraform-resources.js";

interface OpenBlock {
  type: string;
  name: string;
  line: number;
  depth: number;
  attributes: Map<string, { value: string; line: number }>;
}

/** Net `{`/`}` count of a line, ignoring braces inside double-quoted strings and `#`/`//` comments. */
function braceDelta(line: string): number {
  let delta = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === "\\" && inString) i++;
    else if (char === '"') inString = !inString;
    else if (!inString && (char === "#" || (char === "/" && line[i + 1] === "/"))) break;
    else if (!inString && char === "{") delta++;
    else if (!inString && char === "}") delta--;
  }
  return delta;
}

/**
 * Findings for a closed resource block: its type's rules, its platform, and engine attributes. The platform is
 * cited once per file (`platforms` remembers), not once per resource.
 */
function resourceFindings(file: string, block: OpenBlock, platforms: Set<string>): Finding[] {
  const evidence: Evidence = { file, line: block.line, detail: `resource ${block.type}.${block.name}` };
  const findings = itemFindings(terraformResourceRefs(block.type), evidence);
  const platform = terraformPlatformOf(block.type);
  if (platform && !platforms.has(platform)) {
    platforms.add(platform);
    findings.push(itemFinding("infra", platform, evidence));
  }
  let engineFound = false;
  for (const [attribute, { value, line }] of block.attributes) {
    const engine = engineRefs(block.type, attribute, value);
    if (!engine) continue;
    engineFound = true;
    const version = engine.version ?? cleanVersion(block.attributes.get("engine_version")?.value);
    findings.push(itemFinding(engine.ref.category, engine.ref.name, { file, line, detail: `${block.type}.${block.name} ${attribute} = "${value}"` }, version));
  }
  const fallback = ENGINE_DEFAULTS[block.type];
  if (fallback && !engineFound) findings.push(itemFinding(fallback.category, fallback.name, evidence));
  return findings;
}

/**
 * Terraform `*.tf` files, read block by block (HCL is line-oriented enough): providers, resource types and the
 * engines they run. Only identifiers and engine attributes are read; `*.tfvars` values are never matched.
 */
export const terraformDetector: Detector = {
  id: "terraform",
  matchesByName: true,
  matches: (path) => path.endsWith(".tf"),
  detect(file) {
    const findings: Finding[] = [];
    let depth = 0;
    let block: OpenBlock | undefined;
    let terraformLine: number | undefined;
    let terraformVersion: string | undefined;
    let inRequiredProviders = -1;
    let moduleDepth = -1;
    const platforms = new Set<string>();
    file.text.split(/\r?\n/).forEach((line, index) => {
      const at = index + 1;
      const top = depth === 0;
      const resource = top ? /^\s*resource\s+"([\w-]+)"\s+"([^"]+)"/.exec(line) : null;
      const provider = top ? /^\s*provider\s+"([\w-]+)"/.exec(line) : null;
      const source = /\bsource\s*=\s*"([^"]+)"/.exec(line)?.[1];
      const moduleStart = top ? /^\s*module\s+"([^"]+)"/.exec(line)?.[1] : undefined;
      if (moduleStart !== undefined) moduleDepth = depth;
      if (top && /^\s*terraform\s*\{/.test(line)) terraformLine ??= at;
      if (resource?.[1] && resource[2]) {
        terraformLine ??= at;
        block = { type: resource[1], name: resource[2], line: at, depth, attributes: new Map() };
      } else if (provider?.[1]) {
        terraformLine ??= at;
        const refs = terraformProviderRefs(provider[1]);
        for (const ref of refs) platforms.add(ref.name);
        findings.push(...itemFindings(refs, { file: file.path, line: at, detail: `provider "${provider[1]}"` }));
      } else if (block && depth === block.depth + 1) {
        const attribute = /^\s*(\w+)\s*=\s*"([^"]*)"/.exec(line);
        if (attribute?.[1] && attribute[2] !== undefined) block.attributes.set(attribute[1], { value: attribute[2], line: at });
      }
      const version = /^\s*required_version\s*=\s*"([^"]+)"/.exec(line);
      if (version) terraformVersion = cleanVersion(version[1]?.replace(/^[^\d]*/, ""));
      if (/^\s*required_providers\s*\{/.test(line)) inRequiredProviders = depth;
      // required_providers { aws = { source = "hashicorp/aws" } } names the providers even without provider blocks.
      if (inRequiredProviders >= 0 && source) {
        const name = source.split("/").pop() ?? "";
        findings.push(...itemFindings(terraformProviderRefs(name), { file: file.path, line: at, detail: `required provider ${source}` }));
      }
      if (moduleDepth >= 0 && inRequiredProviders < 0 && source) {
        findings.push(...itemFindings(terraformModuleRefs(source), { file: file.path, line: at, detail: `module source ${source}` }));
      }
      depth = Math.max(0, depth + braceDelta(line));
      if (inRequiredProviders >= 0 && depth <= inRequiredProviders) inRequiredProviders = -1;
      if (moduleDepth >= 0 && depth <= moduleDepth) moduleDepth = -1;
      if (block && depth <= block.depth) {
        findings.push(...resourceFindings(file.path, block, platforms));
        block = undefined;
      }
    });
    if (block) findings.push(...resourceFindings(file.path, block, platforms));
    const evidence = terraformLine !== undefined ? { file: file.path, line: terraformLine } : { file: file.path, detail: "Terraform configuration" };
    findings.unshift(itemFinding("infra", "terraform", evidence, terraformVersion));
    return findings;
  },
};
