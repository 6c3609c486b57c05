/**
 * The directions the code base is built on, checked on every import (type imports included):
 * no cycle between modules, extraction (pipeline) never reaches for analysis, source never
 * reaches into tests, workspaces meet through their package names, and file names are
 * kebab-case. A newcomer can then read a folder knowing what it may depend on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const workspaces = ["functions", "web", "drizzle"];
const packageRoots: Record<string, string> = {
  "@finstat/db/": "drizzle/",
  "@finstat/functions/": "functions/src/",
};

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    if (name === "node_modules" || name.startsWith(".") || name === "dist") continue;
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts")) found.push(path.split(sep).join("/"));
  }
  return found;
}

const files = workspaces.flatMap(sourceFiles);

function resolveFile(base: string): string | undefined {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate;
  return undefined;
}

interface Edge {
  from: string;
  specifier: string;
  to: string;
}

function importsOf(file: string): Edge[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), "utf8"), true, true);
  const edges: Edge[] = [];
  for (const { fileName: specifier } of importedFiles) {
    let base: string | undefined;
    if (specifier.startsWith(".")) base = join(dirname(file), specifier).split(sep).join("/");
    for (const [name, dir] of Object.entries(packageRoots))
      if (specifier.startsWith(name)) base = dir + specifier.slice(name.length);
    const to = base && resolveFile(base);
    if (to) edges.push({ from: file, specifier, to });
  }
  return edges;
}

const edges = files.flatMap(importsOf);
const workspaceOf = (file: string) => file.split("/")[0] ?? "";

describe("import rules", () => {
  it("finds the imports it checks", () => {
    expect(files.length).toBeGreaterThan(400);
    expect(edges.length).toBeGreaterThan(1500);
  });

  it("has no import cycle", () => {
    // Tarjan's strongly connected components; any component of more than one file is a cycle.
    const next = new Map<string, string[]>();
    for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    let counter = 0;
    const visit = (file: string) => {
      index.set(file, counter);
      low.set(file, counter++);
      stack.push(file);
      onStack.add(file);
      for (const to of next.get(file) ?? []) {
        if (!index.has(to)) {
          visit(to);
          low.set(file, Math.min(low.get(file) ?? 0, low.get(to) ?? 0));
        } else if (onStack.has(to)) low.set(file, Math.min(low.get(file) ?? 0, index.get(to) ?? 0));
      }
      if (low.get(file) === index.get(file)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member) {
            onStack.delete(member);
            component.push(member);
          }
        } while (member && member !== file);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const file of files) if (!index.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it("keeps extraction free of analysis", () => {
    const wrong = edges.filter(
      (edge) =>
        edge.from.startsWith("functions/src/pipeline/") && edge.to.startsWith("functions/src/analysis/"),
    );
    expect(wrong.map((edge) => `${edge.from} -> ${edge.specifier}`)).toEqual([]);
  });

  it("never imports tests from source", () => {
    // Unit tests sit beside their source and may use the shared fixtures; shipped code may not.
    const shipped = (file: string) => /^[^/]+\/src\//.test(file) && !/\.test\.tsx?$/.test(file);
    const wrong = edges.filter((edge) => shipped(edge.from) && /^[^/]+\/test\//.test(edge.to));
    expect(wrong.map((edge) => `${edge.from} -> ${edge.specifier}`)).toEqual([]);
  });

  it("crosses workspaces by package name only", () => {
    const wrong = edges.filter(
      (edge) =>
        edge.specifier.startsWith(".") &&
        workspaces.includes(workspaceOf(edge.to)) &&
        workspaceOf(edge.from) !== workspaceOf(edge.to),
    );
    expect(wrong.map((edge) => `${edge.from} -> ${edge.specifier}`)).toEqual([]);
  });

  it("names files in kebab-case", () => {
    const wrong = files.filter((file) => /[A-Z]/.test(file.split("/").pop()?.split(".")[0] ?? ""));
    expect(wrong).toEqual([]);
  });
});
