/**
 * Measures functions with the TypeScript compiler: every function declaration, method,
 * constructor, accessor, arrow function and function expression, from its first line to its
 * last (end line - start line + 1). `npx tsx functions/test/architecture/function-lengths.ts
 * DIR [MAX]` lists the ones longer than MAX (default 80), longest first.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FunctionLength {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node)
  );
}

/** The name a reader finds it by: its own, the variable or property holding it, or its caller's. */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  return "(anonymous)";
}

export function functionLengths(file: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node) => {
    if (isFunction(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ file, line: start + 1, name: nameOf(node, source), lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** TypeScript sources under `dir`, tests left out: a describe block groups cases, it is not a step. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function functionsLongerThan(dir: string, max: number): FunctionLength[] {
  return sourceFiles(dir)
    .flatMap((file) => functionLengths(relative(process.cwd(), file), readFileSync(file, "utf8")))
    .filter((found) => found.lines > max)
    .sort((a, b) => b.lines - a.lines);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "functions/src/pipeline", max = "80"] = process.argv.slice(2);
  const offenders = functionsLongerThan(dir, Number(max));
  for (const { file, line, name, lines } of offenders) console.log(`${lines}\t${file}:${line}\t${name}`);
  console.log(`${offenders.length} function(s) over ${max} lines under ${dir}`);
}
