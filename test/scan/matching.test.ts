import { describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import { detectors } from "../../src/scan/detectors/index.js";
import { FIXTURES } from "./fixture-repo.js";

// Every file name in the fixtures, plus names that sit near the edges of the name rules.
const names = new Set<string>([
  ...readdirSync(FIXTURES, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name.replace(/\.fixture$/, "")),
  "package.json", "tsconfig.json", "tsconfig.build.json", "Dockerfile", "Dockerfile.dev", "api.Dockerfile", "Containerfile",
  ".env.example", "app.env.sample", "docker-compose.override.yml", "compose.yaml", "Cargo.toml", "go.mod", "build.gradle.kts",
  "Jenkinsfile", "Jenkinsfile.release", "values-prod.yaml", "Chart.yaml", "main.tf", "schema.prisma", "api.proto", "schema.graphql",
  "requirements-dev.txt", "Gemfile.lock", "pom.xml", "pnpm-workspace.yaml", "setup.cfg", ".python-version", "composer.json",
]);
const dirs = ["", "a/", "services/api/", "config/", "requirements/", ".github/workflows/", "k8s/", "nginx/", "migrations/", "api/", "gradle/"];

describe("matchesByName detectors", () => {
  const byName = detectors.filter((detector) => detector.matchesByName);

  it("include the detectors that see the most files", () => {
    expect(byName.map((d) => d.id)).toEqual(expect.arrayContaining(["package-json", "tsconfig", "compose", "dockerfile", "env-example"]));
  });

  it.each(byName.map((detector) => [detector.id, detector] as const))("%s answers the same for a file name in any directory", (_id, detector) => {
    for (const name of names) {
      const expected = detector.matches(name);
      for (const dir of dirs) expect([`${dir}${name}`, detector.matches(`${dir}${name}`)]).toEqual([`${dir}${name}`, expected]);
    }
  });
});
