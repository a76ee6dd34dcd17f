import { fileNameOf } from "../text-lines.js";
import type { Detector, Finding } from "../types.js";
import { imageFindings } from "./container-images.js";
import { parseYamlFile } from "./yaml-file.js";
import { mapOf } from "./yaml-nodes.js";

const COMPOSE_FILE = /compose[^/]*\.ya?ml$/i;

/** Compose files anywhere in the tree: services, their images and versions, and docker-compose itself. */
export const composeDetector: Detector = {
  id: "compose",
  uses: ["yaml"],
  matchesByName: true,
  matches: (path) => COMPOSE_FILE.test(fileNameOf(path)),
  detect(file, parsers) {
    const parsed = parseYamlFile(file, parsers.yaml);
    if (!parsed.ok) return [parsed.warning];
    const { docs, spot } = parsed.value;
    const findings: Finding[] = [];
    docs.forEach((doc, index) => {
      const root = mapOf(doc);
      if (!root) return;
      // Compose v1 files have services at the top level; later versions under `services:`.
      const nested = mapOf(root.services);
      const services = nested ?? ("version" in root ? undefined : root);
      if (!services) return;
      const servicesSpot = nested ? spot(index).at("services") : spot(index);
      let serviceCount = 0;
      for (const [name, value] of Object.entries(services)) {
        const service = mapOf(value);
        if (!service) continue;
        const image = typeof service.image === "string" ? service.image : undefined;
        if (!image && !("build" in service)) continue;
        serviceCount++;
        const serviceSpot = servicesSpot.at(name);
        const serviceLine = serviceSpot.line;
        findings.push({
          kind: "service",
          name,
          ...(image !== undefined ? { image } : {}),
          source: "compose",
          evidence: { file: file.path, ...(serviceLine !== undefined ? { line: serviceLine } : {}) },
        });
        if (image) {
          const line = serviceSpot.at("image").valueStart;
          findings.push(...imageFindings(image, { file: file.path, ...(line !== undefined ? { line } : {}), detail: `service ${name}: image ${image}` }));
        }
      }
      if (serviceCount > 0) {
        // Compose runs containers, so it proves docker as well.
        findings.push({ kind: "item", category: "infra", name: "docker-compose", evidence: { file: file.path, detail: `${serviceCount} service(s)` } });
        findings.push({ kind: "item", category: "infra", name: "docker", evidence: { file: file.path, detail: "containers run by compose" } });
      }
    });
    return findings;
  },
};
