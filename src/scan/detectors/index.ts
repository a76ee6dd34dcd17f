import type { Detector } from "../types.js";
import { composeDetector } from "./compose.js";
import { dockerfileDetector } from "./dockerfile.js";
import { envExampleDetector } from "./env-example.js";
import { nginxDetector } from "./nginx.js";
import { packageJsonDetector } from "./package-json.js";
import { pnpmWorkspaceDetector } from "./pnpm-workspace.js";
import { poolerConfigDetector } from "./pooler-configs.js";
import { tsconfigDetector } from "./tsconfig.js";
import { cargoTomlDetector } from "./cargo-toml.js";
import { ciConfigDetector, jenkinsfileDetector } from "./ci-config.js";
import { composerJsonDetector } from "./composer-json.js";
import { goModDetector } from "./go-mod.js";
import { gradleBuildDetector, gradleVersionCatalogDetector } from "./gradle-build.js";
import { graphqlSchemaDetector } from "./graphql-schema.js";
import { helmChartDetector, helmValuesDetector } from "./helm-chart.js";
import { kubernetesManifestDetector } from "./kubernetes-manifests.js";
import { mavenPomDetector } from "./maven-pom.js";
import { openapiSpecDetector } from "./openapi-spec.js";
import { prismaSchemaDetector } from "./prisma-schema.js";
import { protoFilesDetector } from "./proto-files.js";
import { pipfileDetector, pythonPyprojectDetector } from "./python-pyproject.js";
import { pythonRequirementsDetector, pythonSetupCfgDetector, pythonVersionFileDetector } from "./python-requirements.js";
import { gemfileDetector, gemfileLockDetector, railsDatabaseConfigDetector } from "./ruby-gems.js";
import { sqlMigrationsDetector } from "./sql-migrations.js";
import { terraformDetector } from "./terraform.js";

/**
 * Every detector the scanner runs. To add one: write `detectors/<source>.ts` exporting a
 * `Detector` and add it here; keep one import line per detector so parallel edits merge.
 */
export const detectors: Detector[] = [
  packageJsonDetector,
  pnpmWorkspaceDetector,
  tsconfigDetector,
  composeDetector,
  dockerfileDetector,
  envExampleDetector,
  nginxDetector,
  goModDetector,
  pythonRequirementsDetector,
  pythonSetupCfgDetector,
  pythonVersionFileDetector,
  pythonPyprojectDetector,
  pipfileDetector,
  mavenPomDetector,
  gradleBuildDetector,
  gradleVersionCatalogDetector,
  gemfileDetector,
  gemfileLockDetector,
  railsDatabaseConfigDetector,
  composerJsonDetector,
  cargoTomlDetector,
  terraformDetector,
  kubernetesManifestDetector,
  helmChartDetector,
  helmValuesDetector,
  ciConfigDetector,
  jenkinsfileDetector,
  prismaSchemaDetector,
  sqlMigrationsDetector,
  graphqlSchemaDetector,
  openapiSpecDetector,
  protoFilesDetector,
  poolerConfigDetector,
];
