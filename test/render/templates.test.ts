import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { AdrgenError, ExitCode } from "../../src/domain/errors.js";
import { capitalize, sentence, yamlScalar } from "../../src/render/helpers.js";
import { builtinTemplatesDir, renderTemplate, resolveTemplate, tidyMarkdown } from "../../src/render/templates.js";
import { buildRelationView, buildViewModel, markdownLink } from "../../src/render/view-model.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const base = { config: {}, root: "/repo", cwd: "/repo" };

function usageFailure(fn: () => unknown): AdrgenError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).exitCode).toBe(ExitCode.usage);
    return error as AdrgenError;
  }
  throw new Error("expected a usage error");
}

describe("resolveTemplate", () => {
  it("finds the built-in templates next to the package", () => {
    expect(builtinTemplatesDir()).toBe(path.join(PROJECT_ROOT, "templates"));
    for (const name of ["madr4", "madr4-minimal", "nygard"]) {
      const choice = resolveTemplate({ ...base, flag: name });
      expect(choice.builtin).toBe(true);
      expect(existsSync(choice.file)).toBe(true);
    }
  });

  it("defaults to madr4, then config template, then --template", () => {
    expect(resolveTemplate(base).name).toBe("madr4");
    expect(resolveTemplate({ ...base, config: { template: "nygard" } }).name).toBe("nygard");
    expect(resolveTemplate({ ...base, config: { template: "nygard" }, flag: "madr4-minimal" }).name).toBe("madr4-minimal");
  });

  it("lets config templates override by name, relative to the repository root", () => {
    const repo = makeTempDir({ "tpl/ours.hbs": "# {{title}}\n", "tpl/madr4.hbs": "custom madr4\n" });
    const config = { templates: { ours: "tpl/ours.hbs", madr4: "tpl/madr4.hbs" } };
    expect(resolveTemplate({ config, root: repo, cwd: "/elsewhere", flag: "ours" })).toEqual({ name: "ours", file: path.join(repo, "tpl/ours.hbs"), builtin: false });
    // A config entry named like a built-in replaces it.
    expect(resolveTemplate({ config, root: repo, cwd: repo }).file).toBe(path.join(repo, "tpl/madr4.hbs"));
  });

  it("accepts a path: --template relative to cwd, config template relative to root", () => {
    const repo = makeTempDir({ "sub/t.hbs": "x", "root.hbs": "y" });
    expect(resolveTemplate({ config: {}, root: repo, cwd: path.join(repo, "sub"), flag: "t.hbs" }).file).toBe(path.join(repo, "sub/t.hbs"));
    expect(resolveTemplate({ config: { template: "./root.hbs" }, root: repo, cwd: path.join(repo, "sub") }).file).toBe(path.join(repo, "root.hbs"));
  });

  it("rejects an unknown name, listing the choices", () => {
    const error = usageFailure(() => resolveTemplate({ ...base, config: { templates: { team: "t.hbs" } }, flag: "madr5" }));
    expect(error.message).toMatch(/Unknown template "madr5"/);
    expect(error.hint).toMatch(/madr4, madr4-minimal, nygard, team/);
  });

  it("rejects a template file that does not exist", () => {
    const error = usageFailure(() => resolveTemplate({ ...base, flag: "./missing.hbs" }));
    expect(error.message).toMatch(/missing\.hbs.*does not exist/);
  });
});

describe("renderTemplate", () => {
  const view = (extra: Partial<Parameters<typeof buildViewModel>[0]> = {}) =>
    buildViewModel({ number: 12, title: "Pick: a [queue]", date: "2026-01-15", decisionMakers: ["Ana", "true", "O'Brien: lead"], blank: true, ...extra });

  it("is deterministic and ends with exactly one newline", async () => {
    const choice = resolveTemplate({ ...base, flag: "madr4" });
    const first = await renderTemplate(choice, view());
    expect(await renderTemplate(choice, view())).toBe(first);
    expect(first.endsWith("\n")).toBe(true);
    expect(first.endsWith("\n\n")).toBe(false);
    expect(first).not.toMatch(/\n\n\n/);
  });

  it("writes front matter that YAML reads back exactly (quoting where needed)", async () => {
    const text = await renderTemplate(resolveTemplate({ ...base, flag: "madr4" }), view());
    const fm = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
    expect(fm.status).toBe("proposed");
    expect(String(fm.date)).toBe("2026-01-15");
    expect(fm["decision-makers"]).toEqual(["Ana", "true", "O'Brien: lead"]);
    expect(text).toContain("\n# Pick: a [queue]\n");
  });

  it("renders Nygard with the adr-tools header and a capitalised status", async () => {
    const text = await renderTemplate(resolveTemplate({ ...base, flag: "nygard" }), view({ status: "accepted" }));
    expect(text.startsWith("# 12. Pick: a [queue]\n\nDate: 2026-01-15\n\n## Status\n\nAccepted\n\n## Context\n")).toBe(true);
    expect(text.match(/^## \w+$/gm)).toEqual(["## Status", "## Context", "## Decision", "## Consequences"]);
  });

  it("renders relation lines in each format's style", async () => {
    const relations = [buildRelationView("supersedes", { number: 3, title: "Use [X]", file: "0003-use-x.md" }), buildRelationView("relates to", { number: 5, title: null, file: "0005-y.md" })];
    const madr = await renderTemplate(resolveTemplate({ ...base, flag: "madr4" }), view({ relations, blank: false }));
    expect(madr).toContain("## More Information\n\n* Supersedes [ADR-0003](0003-use-x.md)\n* Relates to [ADR-0005](0005-y.md)\n");
    const nygard = await renderTemplate(resolveTemplate({ ...base, flag: "nygard" }), view({ relations }));
    expect(nygard).toContain("Proposed\n\nSupersedes [3. Use \\[X\\]](0003-use-x.md)\n\nRelates to [ADR-0005](0005-y.md)\n\n## Context");
  });

  it("renders a full decision (the advisor's input) without any placeholder", async () => {
    const sections = {
      context: "We need a queue.",
      decisionDrivers: ["throughput", "ops effort"],
      consideredOptions: [
        { title: "Kafka", description: "A log.", good: ["fast"], neutral: ["JVM"], bad: ["ops heavy"] },
        { title: "RabbitMQ", good: ["simple"], bad: ["lower throughput"] },
      ],
      chosenOption: "Kafka",
      justification: "it meets the throughput target.",
      consequences: { good: ["replay"], bad: ["another cluster"] },
      confirmation: "Load test in CI.",
      moreInformation: "See the benchmark.",
    };
    for (const name of ["madr4", "madr4-minimal", "nygard"]) {
      const text = await renderTemplate(resolveTemplate({ ...base, flag: name }), view({ blank: false, sections }));
      expect(text).not.toMatch(/\{[^}]*[a-z][^}]*\}/);
      expect(text).not.toContain("<!--");
      expect(text).toContain("We need a queue.");
      if (name === "nygard") expect(text).toContain("We will use Kafka, because it meets the throughput target.");
      else expect(text).toContain('Chosen option: "Kafka", because it meets the throughput target.\n');
    }
    const full = await renderTemplate(resolveTemplate({ ...base, flag: "madr4" }), view({ blank: false, sections }));
    expect(full.match(/^#{2,3} .+$/gm)).toEqual([
      "## Context and Problem Statement",
      "## Decision Drivers",
      "## Considered Options",
      "## Decision Outcome",
      "### Consequences",
      "### Confirmation",
      "## Pros and Cons of the Options",
      "### Kafka",
      "### RabbitMQ",
      "## More Information",
    ]);
    expect(full).toContain("### Kafka\n\nA log.\n\n* Good, because fast\n* Neutral, because JVM\n* Bad, because ops heavy\n");
  });

  it("leaves optional sections out when not blank and not given", async () => {
    const text = await renderTemplate(resolveTemplate({ ...base, flag: "madr4" }), view({ blank: false, decisionMakers: [] }));
    expect(text).not.toMatch(/Decision Drivers|Confirmation|Pros and Cons|More Information|decision-makers|consulted/);
    // Required sections still appear, as placeholders.
    expect(text).toMatch(/## Context and Problem Statement\n\n\{Describe/);
  });

  it("renders a user template with the same helpers, unescaped", async () => {
    const repo = makeTempDir({ "t.hbs": "# {{numberPadded}} {{title}}\n\nstatus: {{yaml status}} {{capitalize status}} <{{date}}>\n\n\n\nend\n" });
    const text = await renderTemplate({ name: "t", file: path.join(repo, "t.hbs"), builtin: false }, view());
    expect(text).toBe("# 0012 Pick: a [queue]\n\nstatus: proposed Proposed <2026-01-15>\n\nend\n");
  });

  it("reports a broken user template as a usage error", async () => {
    const repo = makeTempDir({ "bad.hbs": "{{#if title}}never closed\n" });
    await expect(renderTemplate({ name: "bad", file: path.join(repo, "bad.hbs"), builtin: false }, view())).rejects.toThrow(/failed to render/);
  });
});

describe("template helpers", () => {
  it.each([
    ["Ana", "Ana"],
    ["true", '"true"'],
    ["2026", '"2026"'],
    ["a: b", '"a: b"'],
    ["#x", '"#x"'],
    ["- x", '"- x"'],
    ["Zoë", '"Zoë"'],
    ["", '""'],
  ])("yamlScalar(%j) → %s", (value, expected) => {
    expect(yamlScalar(value)).toBe(expected);
    expect(String(parseYaml(`k: ${expected}`).k)).toBe(value);
  });

  it("capitalize and sentence", () => {
    expect(capitalize("superseded")).toBe("Superseded");
    expect(sentence("fast")).toBe("fast.");
    expect(sentence("fast.")).toBe("fast.");
    expect(sentence("really?")).toBe("really?");
    expect(sentence(undefined)).toBe("");
  });

  it("markdownLink escapes brackets and wraps hrefs with spaces", () => {
    expect(markdownLink("a [b]", "x y.md")).toBe("[a \\[b\\]](<x y.md>)");
  });

  it("tidyMarkdown collapses blank runs and trailing spaces", () => {
    expect(tidyMarkdown("a  \n\n\n\nb\r\n\n")).toBe("a\n\nb\n");
  });
});
