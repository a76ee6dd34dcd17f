import type { Detector, Finding } from "../types.js";
import { baseName, isYamlPath, itemFinding } from "./dependency-rules.js";
import { parseYamlDocuments } from "./structured-text.js";
import { mapOf, scalarAt } from "./yaml-nodes.js";

/** Names specs usually have: `openapi.yaml`, `swagger.json`, `petstore-openapi.yml`, or `api.yaml`/`*.json` under an API or docs folder. */
const SPEC_NAME = /(openapi|swagger)[^/]*\.(ya?ml|json)$/i;
const SPEC_FOLDER = /(^|\/)(api|apis|openapi|spec|specs|docs\/api|doc\/api)\/[^/]+\.(ya?ml|json)$|(^|\/)(docs?)\/api\.(ya?ml|json)$/i;

/**
 * OpenAPI 3 and Swagger 2 documents (YAML or JSON; JSON is YAML): openapi with the spec version, rest, and the
 * path count. A matched file without a top-level `openapi`/`swagger` key is not a spec and stays silent.
 */
export const openapiSpecDetector: Detector = {
  id: "openapi-spec",
  uses: ["yaml"],
  matches: (path) => (isYamlPath(path) || path.endsWith(".json")) && (SPEC_NAME.test(baseName(path)) || SPEC_FOLDER.test(path)),
  detect(file, parsers) {
    // Cheap pre-check so that unrelated JSON/YAML under api/ is not parsed at all.
    if (!/["']?(openapi|swagger)["']?\s*:/.test(file.text.slice(0, 4000))) return [];
    const parsed = parseYamlDocuments(file, parsers.yaml);
    if (!parsed.ok) return [parsed.warning];
    const doc = parsed.value.docs[0];
    if (doc === undefined) return [];
    const spot = parsed.value.spot(0);
    const key = scalarAt(doc, spot, ["openapi"]) ? "openapi" : "swagger";
    const marker = scalarAt(doc, spot, [key]);
    if (!marker || (typeof marker.value !== "string" && typeof marker.value !== "number")) return [];
    // `swagger: 2.0` is a YAML number; the source text keeps the "2.0" the author wrote.
    const source = spot.at(key).raw?.replace(/,$/, "");
    const version = typeof marker.value === "number" && source !== undefined && /^[\d.]+$/.test(source) ? source : String(marker.value);
    const paths = mapOf(mapOf(doc)?.paths);
    const pathCount = paths ? Object.keys(paths).length : 0;
    const kind = version.startsWith("2") ? "Swagger" : "OpenAPI";
    const evidence = { file: file.path, line: marker.line, detail: `${kind} ${version}, ${pathCount} path${pathCount === 1 ? "" : "s"}` };
    const findings: Finding[] = [itemFinding("apiStyles", "openapi", evidence, version), itemFinding("apiStyles", "rest", evidence)];
    return findings;
  },
};
