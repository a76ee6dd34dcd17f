import { tech, type TechRef } from "./dependency-rules.js";

const aws = tech("infra", "aws");
const gcp = tech("infra", "gcp");
const azure = tech("infra", "azure");
const kubernetes = tech("infra", "kubernetes");
const helm = tech("infra", "helm");
const terraform = tech("infra", "terraform");
const docker = tech("infra", "docker");

/** Reusable step references → what they deploy to: GitHub Actions `uses`, CircleCI orbs, Azure Pipelines tasks, Drone/Woodpecker plugins. */
export const STEP_RULES: Array<[RegExp, TechRef[]]> = [
  [/^aws-actions\/amazon-ecs-(deploy|render)-task-definition@/i, [aws, tech("infra", "aws-ecs")]],
  [/^aws-actions\/(configure-aws-credentials|amazon-ecr-login)@/i, [aws]],
  [/^aws-actions\/aws-cloudformation-github-deploy@/i, [aws]],
  [/^hashicorp\/setup-terraform@|^circleci\/terraform@|^TerraformTask(V\d+)?@|^TerraformCLI@/i, [terraform]],
  [/^google-github-actions\/deploy-cloudrun@/i, [gcp, tech("infra", "cloud-run")]],
  [/^google-github-actions\/get-gke-credentials@/i, [gcp, kubernetes, tech("infra", "gke")]],
  [/^google-github-actions\//i, [gcp]],
  // The azure/ org also publishes cloud-neutral tools (setup-helm, setup-kubectl, k8s-deploy): they prove no Azure use.
  [/^azure\/aks-set-context@/i, [azure, kubernetes, tech("infra", "aks")]],
  [/^azure\/(k8s-deploy|setup-kubectl|k8s-bake|k8s-create-secret)@/i, [kubernetes]],
  [/^azure\/setup-helm@/i, [helm]],
  [/^azure\/(login|webapps-deploy|functions-action|container-apps-deploy-action|arm-deploy|cli|aci-deploy|static-web-apps-deploy)@/i, [azure]],
  [/^docker\/(build-push-action|login-action|setup-buildx-action|bake-action)@/i, [docker]],
  [/^(plugins\/docker|woodpeckerci\/plugin-docker-buildx|plugins\/ecr|thegeeklab\/drone-docker-buildx)(:|$)/i, [docker]],
  [/^deliverybot\/helm@|^circleci\/helm@|^HelmDeploy@|^HelmInstaller@/i, [helm, kubernetes]],
  [/^circleci\/kubernetes@|^KubernetesManifest@|^Kubernetes@/i, [kubernetes]],
  [/^circleci\/aws-ecs@/i, [aws, tech("infra", "aws-ecs")]],
  [/^circleci\/aws-(cli|ecr|s3)@/i, [aws]],
  [/^circleci\/gcp-/i, [gcp]],
  [/^circleci\/azure-/i, [azure]],
  [/^(AzureWebApp|AzureFunctionApp|AzureCLI|AzureRmWebAppDeployment|AzureResourceManagerTemplateDeployment)@/i, [azure]],
  [/^(Docker|DockerCompose)@/i, [docker]],
  [/^superfly\/flyctl-actions/i, [tech("infra", "fly-io")]],
  [/^amondnet\/vercel-action@/i, [tech("infra", "vercel")]],
  [/^nwtgck\/actions-netlify@/i, [tech("infra", "netlify")]],
  [/^akhileshns\/heroku-deploy@/i, [tech("infra", "heroku")]],
  [/^cloudflare\/(wrangler-action|pages-action)@/i, [tech("infra", "cloudflare")]],
];

/** Shell commands in CI scripts → what they deploy to or build. */
export const COMMAND_RULES: Array<[RegExp, TechRef[]]> = [
  [/\bterraform\s+(-chdir=\S+\s+)?(apply|plan|init)\b/, [terraform]],
  [/\baws\s+ecs\s+(update-service|register-task-definition|deploy)\b/, [aws, tech("infra", "aws-ecs")]],
  [/\baws\s+(s3|ecr|cloudformation|lambda|eks|deploy)\b/, [aws]],
  [/\baws\s+eks\s+update-kubeconfig\b/, [aws, kubernetes, tech("infra", "aws-eks")]],
  [/\bgcloud\s+run\s+deploy\b/, [gcp, tech("infra", "cloud-run")]],
  [/\bgcloud\s+container\s+clusters\s+get-credentials\b/, [gcp, kubernetes, tech("infra", "gke")]],
  [/\bgcloud\s+\w/, [gcp]],
  [/\baz\s+(aks|webapp|acr|login|deployment|containerapp|functionapp)\b/, [azure]],
  [/\bkubectl\s+(apply|set\s+image|rollout|create|replace)\b/, [kubernetes]],
  [/\bhelm\s+(upgrade|install)\b/, [helm, kubernetes]],
  [/\bkustomize\s+build\b/, [kubernetes, tech("infra", "kustomize")]],
  [/\bdocker\s+(build|push|buildx)\b/, [docker]],
  [/\b(serverless|sls)\s+deploy\b/, [tech("infra", "serverless")]],
  [/\bcdk\s+deploy\b/, [aws, tech("infra", "aws-cdk")]],
  [/\bpulumi\s+up\b/, [tech("infra", "pulumi")]],
  [/\bflyctl\s+deploy\b|\bfly\s+deploy\b/, [tech("infra", "fly-io")]],
  [/\bvercel\s+(deploy|--prod)\b/, [tech("infra", "vercel")]],
  [/\bnetlify\s+deploy\b/, [tech("infra", "netlify")]],
  [/\bheroku\s+(container:release|container:push|releases)\b|git\s+push\s+\S*heroku/, [tech("infra", "heroku")]],
  [/\bwrangler\s+(deploy|publish)\b/, [tech("infra", "cloudflare")]],
];

/**
 * A word every COMMAND_RULES pattern needs (as a plain substring, so a superset): most script
 * lines (`npm ci`, `echo`) are dismissed by one search instead of twenty patterns.
 */
const COMMAND_WORDS = /terraform|aws|gcloud|az|kubectl|helm|kustomize|docker|serverless|sls|cdk|pulumi|fly|vercel|netlify|heroku|wrangler/;

function refsOf(rules: Array<[RegExp, TechRef[]]>, text: string, firstOnly: boolean): TechRef[] {
  const found = new Map<string, TechRef>();
  for (const [pattern, refs] of rules) {
    if (!pattern.test(text)) continue;
    for (const ref of refs) found.set(ref.name, ref);
    if (firstOnly) break;
  }
  return [...found.values()];
}

/** What a reusable step (action, orb, task, plugin image) deploys to; the most specific rule wins. */
export function stepRefs(reference: string): TechRef[] {
  return refsOf(STEP_RULES, reference.trim(), true);
}

/**
 * What one shell command line deploys to or builds, and the matched command words (e.g. `helm upgrade`) to cite:
 * only those words, never the rest of the line, which may carry credentials (`--set password=…`).
 */
export function commandRefs(commandLine: string): { refs: TechRef[]; command: string } {
  if (!COMMAND_WORDS.test(commandLine) || /^\s*(#|\/\/)/.test(commandLine)) return { refs: [], command: "" };
  const first = COMMAND_RULES.map(([pattern]) => pattern.exec(commandLine)).find(Boolean);
  return { refs: refsOf(COMMAND_RULES, commandLine, false), command: first?.[0].replace(/\s+/g, " ") ?? "" };
}
