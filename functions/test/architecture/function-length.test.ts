import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { functionLengths, functionsLongerThan, sourceFiles } from "./function-lengths";

// A function past a screen and a half is several steps; each step gets a name instead.
const MAX_LINES = 80;

describe("function length in the pipeline", () => {
  it(`has no function over ${MAX_LINES} lines in functions/src/pipeline`, () => {
    const offenders = functionsLongerThan("functions/src/pipeline", MAX_LINES).map(
      ({ file, line, name, lines }) => `${file}:${line} ${name} (${lines} lines)`,
    );
    expect(offenders).toEqual([]);
  });

  it("measures declarations, methods, arrows and function expressions from first to last line", () => {
    const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const text = [
      `function declared() {\n${body(81)}\n}`,
      `class Reader {\n  read() {\n${body(80)}\n  }\n}`,
      `const arrow = () => {\n${body(82)}\n};`,
      `[1].forEach(function (x) {\n${body(3)}\n});`,
    ].join("\n");
    const found = functionLengths("sample.ts", text).map(({ name, lines }) => [name, lines]);
    expect(found).toEqual([
      ["declared", 81],
      ["read", 80],
      ["arrow", 82],
      ["(callback of [1].forEach)", 3],
    ]);
  });
});

describe("the pipeline ends at statements", () => {
  it("imports nothing from analysis", () => {
    const upward = sourceFiles("functions/src/pipeline").filter((file) =>
      /["'](\.\.\/)+analysis\//.test(readFileSync(file, "utf8")),
    );
    expect(upward).toEqual([]);
  });
});
