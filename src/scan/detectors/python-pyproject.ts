import type { Detector, Finding, ScannedFile } from "../types.js";
import { cleanVersion, hasFileName, itemFinding } from "./dependency-rules.js";
import { tomlLine } from "./find-line.js";
import { normalizePythonName, parseRequirement, pythonDependencyFindings } from "./python-packages.js";
import { asStrings, asTable, parseTomlTable, type Table } from "./structured-text.js";

/** Findings for PEP 508 strings listed in a TOML array (PEP 621 dependencies, optional deps, dependency groups). */
function requirementArrayFindings(file: ScannedFile, table: string, requirements: string[]): Finding[] {
  return requirements.flatMap((raw) => {
    const req = parseRequirement(raw);
    if (!req) return [];
    const rawName = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(raw.trim())?.[0] ?? req.name;
    return pythonDependencyFindings(req, { file: file.path, line: tomlLine(file.text, table, rawName) });
  });
}

/** Findings for a Poetry/Pipfile-style table: `name = "spec"` or `name = { version = "spec", extras = [...] }`. */
function dependencyTableFindings(file: ScannedFile, tableName: string, table: Table): Finding[] {
  return Object.entries(table).flatMap(([rawName, value]) => {
    if (normalizePythonName(rawName) === "python") return [];
    const spec = typeof value === "string" ? value : asTable(value).version;
    const extras = asStrings(asTable(value).extras).map(normalizePythonName);
    const req = { name: normalizePythonName(rawName), extras, spec: typeof spec === "string" ? spec : "" };
    return pythonDependencyFindings(req, { file: file.path, line: tomlLine(file.text, tableName, rawName) });
  });
}

/** pyproject.toml: PEP 621 `[project]`, PEP 735 dependency groups and Poetry tables. */
export const pythonPyprojectDetector: Detector = {
  id: "python-pyproject",
  uses: ["toml"],
  matchesByName: true,
  matches: (path) => hasFileName(path, "pyproject.toml"),
  detect(file, parsers) {
    const parsed = parseTomlTable(file, parsers.toml);
    if (!parsed.ok) return [parsed.warning];
    const doc = parsed.value;
    const project = asTable(doc.project);
    const poetry = asTable(asTable(doc.tool).poetry);
    const poetryDeps = asTable(poetry.dependencies);
    const pythonSpec = typeof project["requires-python"] === "string" ? project["requires-python"] : poetryDeps.python;
    const pythonLine = tomlLine(file.text, null, typeof project["requires-python"] === "string" ? "requires-python" : "python");
    const findings: Finding[] = [
      itemFinding("languages", "python", { file: file.path, ...(pythonSpec ? { line: pythonLine } : {}) },
        typeof pythonSpec === "string" ? cleanVersion(pythonSpec) : undefined),
    ];
    findings.push(...requirementArrayFindings(file, "project", asStrings(project.dependencies)));
    for (const list of Object.values(asTable(project["optional-dependencies"]))) {
      findings.push(...requirementArrayFindings(file, "project.optional-dependencies", asStrings(list)));
    }
    for (const list of Object.values(asTable(doc["dependency-groups"]))) {
      findings.push(...requirementArrayFindings(file, "dependency-groups", asStrings(list)));
    }
    findings.push(...dependencyTableFindings(file, "tool.poetry.dependencies", poetryDeps));
    findings.push(...dependencyTableFindings(file, "tool.poetry.dev-dependencies", asTable(poetry["dev-dependencies"])));
    for (const [group, body] of Object.entries(asTable(poetry.group))) {
      const table = `tool.poetry.group.${group}.dependencies`;
      findings.push(...dependencyTableFindings(file, table, asTable(asTable(body).dependencies)));
    }
    return findings;
  },
};

/** Pipfile (pipenv, TOML): `[packages]`, `[dev-packages]` and `[requires] python_version`. */
export const pipfileDetector: Detector = {
  id: "python-pipfile",
  uses: ["toml"],
  matchesByName: true,
  matches: (path) => hasFileName(path, "Pipfile"),
  detect(file, parsers) {
    const parsed = parseTomlTable(file, parsers.toml);
    if (!parsed.ok) return [parsed.warning];
    const doc = parsed.value;
    const requires = asTable(doc.requires);
    const pythonSpec = requires.python_version ?? requires.python_full_version;
    const findings: Finding[] = [
      typeof pythonSpec === "string"
        ? itemFinding("languages", "python", { file: file.path, line: tomlLine(file.text, "requires", "python_version") }, cleanVersion(pythonSpec))
        : itemFinding("languages", "python", { file: file.path, detail: "Pipfile" }),
    ];
    findings.push(...dependencyTableFindings(file, "packages", asTable(doc.packages)));
    findings.push(...dependencyTableFindings(file, "dev-packages", asTable(doc["dev-packages"])));
    return findings;
  },
};
