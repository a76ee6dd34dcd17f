import { fileNameOf } from "../text-lines.js";
import type { Detector, Finding } from "../types.js";
import { imageFindings } from "./container-images.js";

const DOCKERFILE = /^(Dockerfile|Containerfile)(\.[^/]+)?$|^[^/]+\.(Dockerfile|dockerfile)$/;

/** Dockerfiles and Containerfiles: docker itself, and what each stage's base image runs. */
export const dockerfileDetector: Detector = {
  id: "dockerfile",
  matchesByName: true,
  matches: (path) => DOCKERFILE.test(fileNameOf(path)),
  detect(file) {
    const findings: Finding[] = [{ kind: "item", category: "infra", name: "docker", evidence: { file: file.path, detail: "Dockerfile" } }];
    const stages = new Set<string>();
    const lines = file.text.split(/\r?\n/);
    lines.forEach((text, index) => {
      // FROM [--platform=...] image[:tag] [AS name]
      const match = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(text);
      if (!match) return;
      const image = match[1]!;
      const isEarlierStage = stages.has(image.toLowerCase());
      if (match[2]) stages.add(match[2].toLowerCase());
      // `FROM builder` names an earlier stage, `scratch` is empty and `${BASE}` is unknown here.
      if (isEarlierStage || image === "scratch" || (image.split(":")[0] ?? "").includes("$")) return;
      findings.push(...imageFindings(image, { file: file.path, line: index + 1, detail: `base image ${image}` }));
    });
    return findings;
  },
};
