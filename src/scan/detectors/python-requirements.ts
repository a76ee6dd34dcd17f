import type { Detector, Finding } from "../types.js";
import { baseName, cleanVersion, hasFileName, itemFinding } from "./dependency-rules.js";
import { parseRequirement, pythonDependencyFindings } from "./python-packages.js";

const REQUIREMENTS_NAME = /^(?:[\w.-]*[-_.])?requirements(?:[-_.][\w.-]*)?\.(?:txt|in)$/i;

/** Reads pip requirements files (`requirements*.txt`, `requirements/*.txt`) line by line. */
export const pythonRequirementsDetector: Detector = {
  id: "python-requirements",
  matches: (path) =>
    path.includes("requirements") && (REQUIREMENTS_NAME.test(baseName(path)) || /(^|\/)requirements\/[^/]+\.(txt|in)$/i.test(path)),
  detect(file) {
    const findings: Finding[] = [itemFinding("languages", "python", { file: file.path, detail: "pip requirements" })];
    file.text.split(/\r?\n/).forEach((line, index) => {
      const trimmed = line.trim();
      // Options (-r, -e, --index-url …) and URLs are not dependency names; URLs may carry credentials.
      if (!trimmed || trimmed.startsWith("#") || trimmed.startsWith("-") || trimmed.includes("://")) return;
      const req = parseRequirement(trimmed);
      if (req) findings.push(...pythonDependencyFindings(req, { file: file.path, line: index + 1 }));
    });
    return findings;
  },
};

/** Reads `install_requires` / `extras_require` from setup.cfg by line (an INI file). */
export const pythonSetupCfgDetector: Detector = {
  id: "python-setup-cfg",
  matchesByName: true,
  matches: (path) => hasFileName(path, "setup.cfg"),
  detect(file) {
    const findings: Finding[] = [];
    let section = "";
    let inDependencies = false;
    const addRequirement = (text: string, line: number): void => {
      const req = text.startsWith("#") ? null : parseRequirement(text);
      if (req) findings.push(...pythonDependencyFindings(req, { file: file.path, line }));
    };
    file.text.split(/\r?\n/).forEach((line, index) => {
      const header = /^\[([^\]]+)\]/.exec(line);
      if (header) {
        section = header[1]?.trim() ?? "";
        inDependencies = false;
        return;
      }
      const entry = /^([A-Za-z_][\w.-]*)\s*[=:]\s*(.*)$/.exec(line);
      if (entry) {
        const [, key, value = ""] = entry;
        if (section === "options" && key === "python_requires") {
          findings.push(itemFinding("languages", "python", { file: file.path, line: index + 1 }, cleanVersion(value)));
        }
        inDependencies = (section === "options" && key === "install_requires") || section === "options.extras_require";
        if (inDependencies && value.trim()) addRequirement(value.trim(), index + 1);
      } else if (inDependencies && /^\s+\S/.test(line)) {
        addRequirement(line.trim(), index + 1);
      }
    });
    if (findings.length > 0 && !findings.some((f) => f.kind === "item" && f.name === "python")) {
      findings.unshift(itemFinding("languages", "python", { file: file.path, detail: "setup.cfg" }));
    }
    return findings;
  },
};

/** `.python-version` (pyenv): the Python version the project runs on. */
export const pythonVersionFileDetector: Detector = {
  id: "python-version-file",
  matchesByName: true,
  matches: (path) => hasFileName(path, ".python-version"),
  detect(file) {
    const version = cleanVersion(file.text.split(/\r?\n/).find((line) => line.trim() && !line.startsWith("#")));
    return version ? [itemFinding("languages", "python", { file: file.path, line: 1 }, version)] : [];
  },
};
