import type { Detector, Finding } from "../types.js";
import { itemFinding } from "./dependency-rules.js";

/** Protocol Buffers files: grpc when they declare a `service` (messages alone are just serialisation). */
export const protoFilesDetector: Detector = {
  id: "proto-files",
  matchesByName: true,
  matches: (path) => path.endsWith(".proto"),
  detect(file) {
    const services: Array<{ name: string; line: number }> = [];
    file.text.split(/\r?\n/).forEach((line, index) => {
      const name = /^\s*service\s+(\w+)\s*\{?/.exec(line)?.[1];
      if (name) services.push({ name, line: index + 1 });
    });
    const first = services[0];
    if (!first) return [];
    const names = services.map((service) => service.name).join(", ");
    const finding: Finding = itemFinding("apiStyles", "grpc", { file: file.path, line: first.line, detail: `${services.length} service${services.length === 1 ? "" : "s"}: ${names}` });
    return [finding];
  },
};
