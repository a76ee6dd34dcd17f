// The advisor over MCP: repo_context, decision_questions and draft_decision (written only with write: true).
import path from "node:path";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { buildContext, contextToJson } from "../app/context.js";
import { generateAdr } from "../app/generate-adr.js";
import { listQuestions } from "../app/questions.js";
import { toPosix, type Workspace } from "../config/workspace.js";
import type { Decision } from "../domain/decision.js";
import { usageError } from "../domain/errors.js";
import { selectEngine } from "../engines/select.js";
import type { Engine } from "../engines/types.js";
import { summarizeContext } from "../scan/summary.js";
import { guarded } from "./results.js";
import { insideRoot, sessionWorkspace, type McpSession } from "./session.js";

const engineName = z.enum(["offline", "anthropic"]).optional().describe("Advisor engine; default: anthropic when ANTHROPIC_API_KEY or a base URL is set, else offline");
const namedOptions = z.array(z.string().min(1)).max(10).optional().describe("Options to weigh; two or more allow a title the knowledge base has no topic for");

/** The engine a call asks for, wrapped so the Decision it returns can be handed back to the client. */
async function capturingEngine(session: McpSession, workspace: Workspace, name: string | undefined): Promise<{ engine: Engine; decision: () => Decision | undefined }> {
  const inner = await selectEngine({ name, env: session.env, config: workspace.config, progress: { line: session.log } });
  let decision: Decision | undefined;
  const engine: Engine = {
    name: inner.name,
    plan: (request) => inner.plan(request),
    decide: async (request) => {
      const result = await inner.decide(request);
      decision = result.decision;
      return result;
    },
  };
  return { engine, decision: () => decision };
}

/** A template argument: a name, or a file inside the repository (never one outside it). */
function safeTemplate(workspace: Workspace, template: string | undefined): string | undefined {
  if (template === undefined || /^[A-Za-z0-9._-]+$/.test(template)) return template;
  return insideRoot(workspace, template);
}

/** Registers repo_context, decision_questions and draft_decision. */
export function registerAdvisorTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    "repo_context",
    {
      title: "Repository context",
      description: "What the repository is built on, each fact with the file:line that proves it: languages, frameworks, datastores, caches, messaging, API styles, auth, infrastructure, CI, services, packages and existing decisions. Secrets are redacted.",
      inputSchema: {},
      outputSchema: { summary: z.string(), context: z.looseObject({}) },
      annotations: { readOnlyHint: true },
    },
    async () =>
      guarded(async () => {
        const workspace = await sessionWorkspace(session);
        const context = await buildContext(workspace);
        return { summary: summarizeContext(context), context: contextToJson(context) };
      }),
  );

  server.registerTool(
    "decision_questions",
    {
      title: "Clarifying questions",
      description:
        "The clarifying questions the advisor asks for a decision title, with what the repository already answers (status repo, with evidence) and what would be assumed (status open). Pass the open ones' keys as draft_decision answers.",
      inputSchema: { title: z.string().trim().min(1).max(500).describe("The decision, e.g. 'choose message queue'"), options: namedOptions, engine: engineName },
      outputSchema: { title: z.string(), topic: z.object({ id: z.string(), title: z.string() }), questions: z.array(z.looseObject({ key: z.string(), status: z.string(), value: z.string() })), answerCommand: z.string() },
      annotations: { readOnlyHint: true },
    },
    async ({ title, options, engine }) =>
      guarded(async () => {
        const workspace = await sessionWorkspace(session);
        const result = await listQuestions(workspace, { title, options: options ?? [] }, { env: session.env, engineName: engine, progress: session.log });
        return { ...result };
      }),
  );

  server.registerTool(
    "draft_decision",
    {
      title: "Draft a decision",
      description:
        "Runs the advisor for a title and the given answers: returns the Decision (options, pros and cons, recommendation, risks) and the rendered MADR markdown. Writes nothing unless write is true, which needs the server started with --allow-write; then the next numbered ADR is created (never overwriting) and an existing index is refreshed.",
      inputSchema: {
        title: z.string().trim().min(1).max(500).describe("The decision, e.g. 'choose message queue'"),
        answers: z.record(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/i), z.string().min(1)).optional().describe("Answer keys (from decision_questions) to values; unanswered questions become stated assumptions"),
        options: namedOptions,
        template: z.string().min(1).optional().describe("madr4 (default), madr4-minimal, nygard, or a template configured for the repository"),
        status: z.enum(["proposed", "accepted", "rejected", "deprecated"]).optional().describe("Status of the new ADR (default proposed; a new ADR cannot start superseded)"),
        engine: engineName,
        write: z.boolean().optional().describe("Create the ADR file (needs --allow-write); default false: draft only"),
      },
      outputSchema: {
        path: z.string(),
        number: z.number(),
        title: z.string(),
        topic: z.string(),
        chosen: z.string(),
        assumptions: z.array(z.string()),
        written: z.boolean(),
        markdown: z.string(),
        decision: z.looseObject({}).nullable(),
        indexUpdated: z.array(z.string()),
        notes: z.array(z.string()),
      },
    },
    async (args) =>
      guarded(async () => {
        if (args.write && !session.allowWrite) {
          throw usageError("draft_decision with write: true is refused: this server is read-only.", "Call it without write to get the draft, or restart the server with `adrgen mcp --allow-write`.");
        }
        const workspace = await sessionWorkspace(session);
        const { engine, decision } = await capturingEngine(session, workspace, args.engine);
        const result = await generateAdr(
          workspace,
          {
            title: args.title,
            answers: Object.entries(args.answers ?? {}).map(([key, value]) => `${key}=${value}`),
            yes: true,
            options: args.options ?? [],
            template: safeTemplate(workspace, args.template),
            status: args.status,
            dryRun: !args.write,
          },
          // No prompter: stdin carries the protocol, so open questions are stated assumptions.
          { cwd: workspace.root, env: session.env, engine, progress: session.log },
        );
        for (const warning of result.warnings) session.log(`warning ${warning}`);
        return {
          path: toPosix(path.relative(workspace.root, result.path)),
          number: result.number,
          title: result.title,
          topic: result.topic,
          chosen: result.chosen,
          assumptions: result.assumptions,
          written: result.written,
          markdown: result.text,
          decision: (decision() as Record<string, unknown> | undefined) ?? null,
          indexUpdated: result.indexUpdated.map((file) => toPosix(path.isAbsolute(file) ? path.relative(workspace.root, file) : file)),
          notes: result.notes,
        };
      }),
  );
}
