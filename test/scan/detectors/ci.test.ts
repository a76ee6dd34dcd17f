import { describe, expect, it } from "@jest/globals";
import { ciConfigDetector, ciSystemOf, jenkinsfileDetector } from "../../../src/scan/detectors/ci-config.js";
import { evidenceOf, itemKeys, runDetector, warningsOf } from "./run-detector.js";

const WORKFLOW = `name: deploy
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
    steps:
      - uses: actions/checkout@v4
      - run: npm test
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
      - uses: docker/build-push-action@v5
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v1
        with:
          service: api
      - uses: hashicorp/setup-terraform@v3
      - run: |
          terraform init
          terraform apply -auto-approve -var "db_password=\${{ secrets.DB_PASSWORD }}"
      - run: helm upgrade --install api ./chart --set auth.password=planted-ci-password
`;

describe("CI config detector", () => {
  it("recognises every system by its config file", () => {
    const cases: Record<string, string> = {
      ".github/workflows/ci.yml": "github-actions",
      ".gitlab-ci.yml": "gitlab-ci",
      ".travis.yml": "travis-ci",
      ".circleci/config.yml": "circleci",
      ".woodpecker.yml": "woodpecker",
      ".woodpecker/build.yaml": "woodpecker",
      "azure-pipelines.yml": "azure-pipelines",
      "bitbucket-pipelines.yml": "bitbucket-pipelines",
      ".drone.yml": "drone",
      ".buildkite/pipeline.yml": "buildkite",
      "appveyor.yml": "appveyor",
      "cloudbuild.yaml": "google-cloud-build",
    };
    for (const [path, name] of Object.entries(cases)) expect(ciSystemOf(path)?.name).toBe(name);
    expect(ciSystemOf(".github/ISSUE_TEMPLATE/bug.yml")).toBeUndefined();
    expect(jenkinsfileDetector.matches("Jenkinsfile")).toBe(true);
    expect(jenkinsfileDetector.matches("ci/Jenkinsfile.release")).toBe(true);
  });

  it("reports GitHub Actions and what its steps deploy to, with lines", async () => {
    const findings = await runDetector(ciConfigDetector, ".github/workflows/deploy.yml", WORKFLOW);
    expect(itemKeys(findings)).toEqual([
      "ci:github-actions",
      "datastores:postgresql@16",
      "infra:aws",
      "infra:aws-ecs",
      "infra:docker",
      "infra:helm",
      "infra:kubernetes",
      "infra:terraform",
    ]);
    expect(evidenceOf(findings, "github-actions")).toEqual([{ file: ".github/workflows/deploy.yml", detail: "github-actions configuration" }]);
    expect(evidenceOf(findings, "aws-ecs")).toEqual([
      { file: ".github/workflows/deploy.yml", line: 19, detail: "uses aws-actions/amazon-ecs-deploy-task-definition@v1" },
    ]);
    expect(evidenceOf(findings, "terraform").map((e) => e.line)).toEqual([22, 24, 25]);
    expect(evidenceOf(findings, "helm")).toEqual([{ file: ".github/workflows/deploy.yml", line: 26, detail: "runs helm upgrade" }]);
  });

  it("cites only command words, never the rest of a command line", async () => {
    const text = JSON.stringify(await runDetector(ciConfigDetector, ".github/workflows/deploy.yml", WORKFLOW));
    expect(text).not.toContain("planted-ci-password");
    expect(text).not.toContain("DB_PASSWORD");
  });

  it("reads GitLab images, services and scripts", async () => {
    const gitlab = `image: node:20\nservices:\n  - redis:7\n  - postgres:15\ndeploy:\n  stage: deploy\n  script:\n    - gcloud run deploy api --image $IMAGE\n`;
    const findings = await runDetector(ciConfigDetector, ".gitlab-ci.yml", gitlab);
    expect(itemKeys(findings)).toEqual(["caches:redis@7", "ci:gitlab-ci", "datastores:postgresql@15", "infra:cloud-run", "infra:gcp"]);
    expect(evidenceOf(findings, "cloud-run")).toEqual([{ file: ".gitlab-ci.yml", line: 8, detail: "runs gcloud run deploy" }]);
  });

  it("reads CircleCI orbs and Azure Pipelines tasks", async () => {
    const circle = `version: 2.1\norbs:\n  aws-ecs: circleci/aws-ecs@4.0.0\njobs: {}\n`;
    expect(itemKeys(await runDetector(ciConfigDetector, ".circleci/config.yml", circle))).toEqual(["ci:circleci", "infra:aws", "infra:aws-ecs"]);
    const azure = `trigger: [main]\nsteps:\n  - task: HelmDeploy@0\n  - task: AzureWebApp@1\n`;
    expect(itemKeys(await runDetector(ciConfigDetector, "azure-pipelines.yml", azure))).toEqual(["ci:azure-pipelines", "infra:azure", "infra:helm", "infra:kubernetes"]);
  });

  it("keeps the CI item and adds a warning when the YAML is broken", async () => {
    const findings = await runDetector(ciConfigDetector, ".travis.yml", "language: ruby\nscript: [unclosed\n");
    expect(itemKeys(findings)).toEqual(["ci:travis-ci"]);
    expect(warningsOf(findings)).toHaveLength(1);
  });

  it("reads Jenkinsfile sh steps by line", async () => {
    const jenkins = `pipeline {\n  agent any\n  stages {\n    stage('deploy') {\n      steps {\n        sh 'kubectl apply -f k8s/'\n        // sh 'terraform apply'\n      }\n    }\n  }\n}\n`;
    const findings = await runDetector(jenkinsfileDetector, "Jenkinsfile", jenkins);
    expect(itemKeys(findings)).toEqual(["ci:jenkins", "infra:kubernetes"]);
    expect(evidenceOf(findings, "kubernetes")).toEqual([{ file: "Jenkinsfile", line: 6, detail: "runs kubectl apply" }]);
  });
});

describe("commandRefs: the word prefilter drops no match", () => {
  it("finds exactly what the full rule list finds, line by line", async () => {
    const { COMMAND_RULES, commandRefs } = await import("../../../src/scan/detectors/ci-deploy-rules.js");
    const { readFileSync, readdirSync } = await import("node:fs");
    const { FIXTURES } = await import("../fixture-repo.js");
    const fixtureLines = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ya?ml|fixture)$|Jenkinsfile/.test(entry.name))
      .flatMap((entry) => readFileSync(`${entry.parentPath}/${entry.name}`, "utf8").split("\n"));
    const crafted = [
      "terraform -chdir=infra apply -auto-approve", "aws ecs update-service --cluster c", "aws eks update-kubeconfig --name x",
      "gcloud run deploy api", "az aks get-credentials -n c", "kubectl set image deploy/x", "helm upgrade --install x ./chart",
      "kustomize build overlays/prod", "docker buildx build .", "sls deploy", "npx cdk deploy", "pulumi up --yes", "fly deploy",
      "vercel --prod", "netlify deploy --prod", "git push https://git.heroku.com/app.git main", "git push myheroku main",
      "heroku container:release web", "wrangler publish", "# terraform apply", "npm ci && npm test", "echo lazy",
    ];
    const lines = [...fixtureLines, ...crafted];
    expect(lines.length).toBeGreaterThan(200);
    for (const line of lines) {
      const expected = /^\s*(#|\/\/)/.test(line) ? [] : COMMAND_RULES.filter(([pattern]) => pattern.test(line)).flatMap(([, refs]) => refs.map((ref) => ref.name));
      expect([line, commandRefs(line).refs.map((ref) => ref.name).sort()]).toEqual([line, [...new Set(expected)].sort()]);
    }
  });
});
