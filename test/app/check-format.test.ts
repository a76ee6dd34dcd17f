import { describe, expect, it } from "@jest/globals";
import { escapeAnnotationData, escapeAnnotationProperty, githubAnnotation } from "../../src/app/check-format.js";

describe("GitHub Actions annotations", () => {
  it("escapes %, CR and LF in the message, and also : and , in properties", () => {
    expect(escapeAnnotationData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeAnnotationProperty("docs/adr/a:b,c%.md")).toBe("docs/adr/a%3Ab%2Cc%25.md");
  });

  it("formats an error with file, line and title", () => {
    const line = githubAnnotation({ file: "docs/adr/0001-x,y.md", line: 7, rule: "link-target", severity: "error", message: "two\nlines" });
    expect(line).toBe("::error file=docs/adr/0001-x%2Cy.md,line=7,title=adrgen link-target::two%0Alines");
  });

  it("leaves out line for whole-file findings and keeps warnings as warnings", () => {
    const line = githubAnnotation({ file: "docs/adr/README.md", line: null, rule: "drift", severity: "warning", message: "a: b" });
    expect(line).toBe("::warning file=docs/adr/README.md,title=adrgen drift::a: b");
  });
});
