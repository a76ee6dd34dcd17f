import type { Detector, Finding, ScannedFile } from "../types.js";
import { cleanVersion, hasFileName, itemFinding, parseWarning } from "./dependency-rules.js";
import { findLine, escapeRegExp } from "./find-line.js";
import { jvmDependencyFindings } from "./jvm-dependencies.js";
import { asString, asTable, type Table } from "./structured-text.js";

const toList = (value: unknown): Table[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(asTable);

/** Line of `<tag>value</tag>` in the pom; XML parsers do not keep positions. */
function tagLine(text: string, tag: string, value: string): number | undefined {
  return findLine(text, new RegExp(`<${tag}>\\s*${escapeRegExp(value)}\\s*</${tag}>`));
}

/** Resolves `${property}` references against the pom's `<properties>`. */
function resolver(properties: Table): (value: unknown) => string | undefined {
  return (value) => {
    const text = asString(value)?.trim();
    if (!text) return undefined;
    return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => asString(properties[name]) ?? whole);
  };
}

function springBootFinding(file: ScannedFile, kind: string, artifact: string, version: string | undefined): Finding {
  const evidence = { file: file.path, line: tagLine(file.text, "artifactId", artifact), detail: `${kind} ${artifact}` };
  return itemFinding("frameworks", "spring-boot", evidence, cleanVersion(version));
}

/** pom.xml (Maven): Spring Boot parent/BOM version, dependencies, Java or Kotlin. */
export const mavenPomDetector: Detector = {
  id: "maven-pom",
  uses: ["xml"],
  matchesByName: true,
  matches: (path) => hasFileName(path, "pom.xml"),
  detect(file, parsers) {
    const valid = parsers.xml.XMLValidator.validate(file.text);
    if (valid !== true) return [parseWarning(file.path, "XML", valid.err.msg, valid.err.line)];
    let project: Table;
    try {
      const parser = new parsers.xml.XMLParser({ ignoreAttributes: true, parseTagValue: false });
      project = asTable(asTable(parser.parse(file.text)).project);
    } catch (error) {
      return [parseWarning(file.path, "XML", error)];
    }
    const properties = asTable(project.properties);
    const resolve = resolver(properties);
    const findings: Finding[] = [];

    const parent = asTable(project.parent);
    if (resolve(parent.artifactId) === "spring-boot-starter-parent") {
      findings.push(springBootFinding(file, "parent", "spring-boot-starter-parent", resolve(parent.version)));
    }
    for (const dep of toList(asTable(asTable(project.dependencyManagement).dependencies).dependency)) {
      if (resolve(dep.artifactId) === "spring-boot-dependencies") {
        findings.push(springBootFinding(file, "BOM", "spring-boot-dependencies", resolve(dep.version)));
      }
    }

    let kotlin = false;
    for (const dep of toList(asTable(project.dependencies).dependency)) {
      const group = resolve(dep.groupId) ?? "";
      const artifact = resolve(dep.artifactId) ?? "";
      if (!artifact) continue;
      if (group === "org.jetbrains.kotlin") kotlin = true;
      const evidence = { file: file.path, line: tagLine(file.text, "artifactId", artifact), detail: `${group}:${artifact}` };
      findings.push(...jvmDependencyFindings(group, artifact, cleanVersion(resolve(dep.version)), evidence));
    }
    for (const plugin of toList(asTable(asTable(project.build).plugins).plugin)) {
      if (resolve(plugin.artifactId) === "kotlin-maven-plugin") kotlin = true;
    }

    const languageVersion = kotlin
      ? asString(properties["kotlin.version"])
      : (asString(properties["java.version"]) ?? asString(properties["maven.compiler.release"]) ?? asString(properties["maven.compiler.source"]));
    const versionTag = kotlin ? "kotlin.version" : ["java.version", "maven.compiler.release", "maven.compiler.source"].find((key) => properties[key] !== undefined);
    const line = versionTag ? findLine(file.text, new RegExp(`<${escapeRegExp(versionTag)}>`)) : undefined;
    findings.unshift(itemFinding("languages", kotlin ? "kotlin" : "java", line ? { file: file.path, line } : { file: file.path, detail: "pom.xml" }, cleanVersion(languageVersion)));
    return findings;
  },
};
