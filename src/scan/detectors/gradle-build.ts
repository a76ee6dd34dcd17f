import type { Detector, Finding } from "../types.js";
import { baseName, cleanVersion, hasFileName, itemFinding } from "./dependency-rules.js";
import { tomlLine } from "./find-line.js";
import { jvmDependencyFindings } from "./jvm-dependencies.js";
import { asString, asTable, parseTomlTable } from "./structured-text.js";

const SPRING_BOOT_PLUGIN = /(?:id\s*\(?\s*["']org\.springframework\.boot["'](?:\s*\))?|apply\s+plugin:\s*["']org\.springframework\.boot["'])(?:\s+version\s+["']([^"']+)["'])?/;
const KOTLIN_PLUGIN = /(?:kotlin\s*\(\s*["'](?:jvm|android|multiplatform)["']\s*\)|id\s*\(?\s*["']org\.jetbrains\.kotlin\.(?:jvm|android|multiplatform)["'](?:\s*\))?)(?:\s+version\s+["']([^"']+)["'])?/;
const COORDINATE = /["']([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)(?::([^"':@]+))?(?:@\w+)?["']/g;
const MAP_COORDINATE = /group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?/;
const JAVA_VERSION = /JavaVersion\.VERSION_(\d+(?:_\d+)?)|JavaLanguageVersion\.of\(\s*(\d+)\s*\)|jvmToolchain\(\s*(\d+)\s*\)|(?:source|target)Compatibility\s*=\s*["']?(\d+(?:\.\d+)?)/;

/** build.gradle / build.gradle.kts: the Spring Boot and Kotlin plugins, dependency coordinates, Java version. */
export const gradleBuildDetector: Detector = {
  id: "gradle-build",
  matchesByName: true,
  matches: (path) => hasFileName(path, "build.gradle") || hasFileName(path, "build.gradle.kts"),
  detect(file) {
    const findings: Finding[] = [];
    let kotlin: { line: number; version?: string } | undefined;
    let java: { line: number; version?: string } | undefined;
    file.text.split(/\r?\n/).forEach((line, index) => {
      const trimmed = line.trim();
      if (trimmed.startsWith("//") || trimmed.startsWith("*")) return;
      const at = { file: file.path, line: index + 1 };
      const boot = SPRING_BOOT_PLUGIN.exec(line);
      if (boot) findings.push(itemFinding("frameworks", "spring-boot", { ...at, detail: "plugin org.springframework.boot" }, cleanVersion(boot[1])));
      const kotlinPlugin = KOTLIN_PLUGIN.exec(line);
      if (kotlinPlugin && !kotlin) kotlin = { line: index + 1, version: cleanVersion(kotlinPlugin[1]) };
      const javaVersion = JAVA_VERSION.exec(line);
      if (javaVersion && !java) java = { line: index + 1, version: javaVersion.slice(1).find(Boolean)?.replace("_", ".").replace(/^1\.(\d+)$/, "$1") };
      const coordinates = [...line.matchAll(COORDINATE)].map((m) => [m[1], m[2], m[3]] as const);
      const mapped = MAP_COORDINATE.exec(line);
      if (mapped) coordinates.push([mapped[1], mapped[2], mapped[3]] as const);
      for (const [group = "", artifact = "", version] of coordinates) {
        findings.push(...jvmDependencyFindings(group, artifact, cleanVersion(version), { ...at, detail: `${group}:${artifact}` }));
      }
    });
    const language = kotlin ? "kotlin" : "java";
    const marker = kotlin ?? java;
    const evidence = marker ? { file: file.path, line: marker.line } : { file: file.path, detail: baseName(file.path) };
    findings.unshift(itemFinding("languages", language, evidence, marker?.version));
    return findings;
  },
};

/** gradle/libs.versions.toml (Gradle version catalog): libraries and plugins with their versions. */
export const gradleVersionCatalogDetector: Detector = {
  id: "gradle-version-catalog",
  uses: ["toml"],
  matches: (path) => path.endsWith(".versions.toml") && /(^|\/)gradle\/[^/]+\.versions\.toml$/.test(path),
  detect(file, parsers) {
    const parsed = parseTomlTable(file, parsers.toml);
    if (!parsed.ok) return [parsed.warning];
    const versions = asTable(parsed.value.versions);
    const versionOf = (entry: Record<string, unknown>): string | undefined => {
      const version = entry.version;
      if (typeof version === "string") return cleanVersion(version);
      const ref = asString(asTable(version).ref) ?? asString(entry["version.ref"]);
      return ref ? cleanVersion(asString(versions[ref])) : undefined;
    };
    const findings: Finding[] = [];
    for (const [key, value] of Object.entries(asTable(parsed.value.libraries))) {
      const entry = asTable(value);
      const notation = typeof value === "string" ? value : (asString(entry.module) ?? `${asString(entry.group) ?? ""}:${asString(entry.name) ?? ""}`);
      const [group = "", artifact = "", inlineVersion] = notation.split(":");
      const evidence = { file: file.path, line: tomlLine(file.text, "libraries", key), detail: `${group}:${artifact}` };
      findings.push(...jvmDependencyFindings(group, artifact, cleanVersion(inlineVersion) ?? versionOf(entry), evidence));
    }
    for (const [key, value] of Object.entries(asTable(parsed.value.plugins))) {
      const entry = asTable(value);
      const [id, inlineVersion] = (typeof value === "string" ? value : (asString(entry.id) ?? "")).split(":");
      const version = cleanVersion(inlineVersion) ?? versionOf(entry);
      const at = { file: file.path, line: tomlLine(file.text, "plugins", key), detail: `plugin ${id}` };
      if (id === "org.springframework.boot") findings.push(itemFinding("frameworks", "spring-boot", at, version));
      if (id?.startsWith("org.jetbrains.kotlin.")) findings.push(itemFinding("languages", "kotlin", at, version));
    }
    return findings;
  },
};
