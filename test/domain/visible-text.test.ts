import { describe, expect, it } from "@jest/globals";
import { hasControlCharacters, visibleText } from "../../src/domain/visible-text.js";

describe("visibleText", () => {
  it("shows C0, DEL and C1 controls as \\xNN, keeps tabs, and line feeds only when multiline", () => {
    expect(visibleText("a\u001b[31mred\u0007\r\u007f\u0085")).toBe("a\\x1b[31mred\\x07\\x0d\\x7f\\x85");
    expect(visibleText("a\tb\nc")).toBe("a\tb\\x0ac");
    expect(visibleText("a\nb", { multiline: true })).toBe("a\nb");
    expect(visibleText("Use Kafka — ünïcode")).toBe("Use Kafka — ünïcode");
    expect(hasControlCharacters("ok\t\n")).toBe(false);
    expect(hasControlCharacters("x\u001b")).toBe(true);
    expect(hasControlCharacters("x\u001b")).toBe(true);
  });
});
