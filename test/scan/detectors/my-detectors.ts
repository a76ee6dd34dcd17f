import { cargoTomlDetector } from "../../../src/scan/detectors/cargo-toml.js";
import { ciConfigDetector, jenkinsfileDetector } from "../../../src/scan/detectors/ci-config.js";
import { composerJsonDetector } from "../../../src/scan/detectors/composer-json.js";
import { goModDetector } from "../../../src/scan/detectors/go-mod.js";
import { gradleBuildDetector, gradleVersionCatalogDetector } from "../../../src/scan/detectors/gradle-build.js";
import { graphqlSchemaDetector } from "../../../src/scan/detectors/graphql-schema.js";
import { helmChartDetector, helmValuesDetector } from "../../../src/scan/detectors/helm-chart.js";
import { kubernetesManifestDetector } from "../../../src/scan/detectors/kubernetes-manifests.js";
import { mavenPomDetector } from "../../../src/scan/detectors/maven-pom.js";
import { openapiSpecDetector } from "../../../src/scan/detectors/openapi-spec.js";
import { prismaSchemaDetector } from "../../../src/scan/detectors/prisma-schema.js";
import { protoFilesDetector } from "../../../src/scan/detectors/proto-files.js";
import { pipfileDetector, pythonPyprojectDetector } from "../../../src/scan/detectors/python-pyproject.js";
import { pythonRequirementsDetector, pythonSetupCfgDetector, pythonVersionFileDetector } from "../../../src/scan/detectors/python-requirements.js";
import { gemfileDetector, gemfileLockDetector, railsDatabaseConfigDetector } from "../../../src/scan/detectors/ruby-gems.js";
import { sqlMigrationsDetector } from "../../../src/scan/detectors/sql-migrations.js";
import { terraformDetector } from "../../../src/scan/detectors/terraform.js";
import type { Detector } from "../../../src/scan/types.js";

/** The ecosystem detectors (issue 4, part E2) with a path each one matches, for property tests. */
export const ECOSYSTEM_DETECTORS: Array<[Detector, string]> = [
  [goModDetector, "go.mod"],
  [pythonRequirementsDetector, "requirements.txt"],
  [pythonSetupCfgDetector, "setup.cfg"],
  [pythonVersionFileDetector, ".python-version"],
  [pythonPyprojectDetector, "pyproject.toml"],
  [pipfileDetector, "Pipfile"],
  [mavenPomDetector, "pom.xml"],
  [gradleBuildDetector, "build.gradle.kts"],
  [gradleVersionCatalogDetector, "gradle/libs.versions.toml"],
  [gemfileDetector, "Gemfile"],
  [gemfileLockDetector, "Gemfile.lock"],
  [railsDatabaseConfigDetector, "config/database.yml"],
  [composerJsonDetector, "composer.json"],
  [cargoTomlDetector, "Cargo.toml"],
  [terraformDetector, "infra/main.tf"],
  [kubernetesManifestDetector, "k8s/app.yaml"],
  [helmChartDetector, "chart/Chart.yaml"],
  [helmValuesDetector, "chart/values.yaml"],
  [ciConfigDetector, ".github/workflows/ci.yml"],
  [jenkinsfileDetector, "Jenkinsfile"],
  [prismaSchemaDetector, "prisma/schema.prisma"],
  [sqlMigrationsDetector, "migrations/001.sql"],
  [graphqlSchemaDetector, "schema.graphql"],
  [openapiSpecDetector, "openapi.yaml"],
  [protoFilesDetector, "api.proto"],
];
