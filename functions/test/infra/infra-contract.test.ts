import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { handlerReach, resolveHandlerFile, resourceReadsUnder } from "./handler-reach";
import {
  functionNamed,
  functionsOf,
  productionEnv,
  type RecordedDeployment,
  recordDeployment,
  repositoryRoot,
} from "./recorded-deployment";
import { durationSeconds, linkNames, megabytes } from "./sst-recorder";

/**
 * Offline contract between the AWS shape and the code: sst.config.ts and stacks/ run against
 * recording stand-ins (the SST CLI cannot install its providers here), then each function's
 * recorded wiring is checked against the code its bundle will contain.
 */

/** Packages that load binaries or their own files at run time: they must be installed, not bundled. */
const runtimeFilePackages = ["sharp", "@napi-rs/canvas", "tesseract.js", "pdfjs-dist", "pdfkit"];
const fallbackLinkNames = ["Uploads", "DocumentQueue", "DatabaseUrl", "OpenaiApiKey", "JwtSecret", "Mailer"];

let production: RecordedDeployment;
let sstLinkNames: string[];

beforeAll(async () => {
  production = await recordDeployment("production", productionEnv);
  const links = await import("../../src/platform/sst-resources").catch(() => undefined);
  sstLinkNames = [
    ...((links as { SST_LINK_NAMES?: readonly string[] } | undefined)?.SST_LINK_NAMES ?? fallbackLinkNames),
  ];
});

describe("sst.config.ts", () => {
  it("declares nothing itself: run() only imports ./stacks and returns its outputs", () => {
    const source = readFileSync(resolve(repositoryRoot, "sst.config.ts"), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
    const run = source.slice(source.indexOf("async run()"));
    expect([...run.matchAll(/import\(\s*["']([^"']+)["']/g)].map((match) => match[1])).toEqual(["./stacks"]);
    expect(run).not.toMatch(/\bnew\s/);
    expect(Object.keys(production.outputs)).toEqual(expect.arrayContaining(["api", "web", "uploadsBucket"]));
  });
});

describe("functions", () => {
  it("every handler path exists and exports that function", async () => {
    const problems: string[] = [];
    for (const { name, args } of functionsOf(production)) {
      const handler = String(args.handler);
      const exportName = handler.slice(handler.lastIndexOf(".") + 1);
      const file = resolveHandlerFile(repositoryRoot, handler);
      if (!file) {
        problems.push(
          `${name}: no source for ${handler} (expected ${handler.slice(0, handler.lastIndexOf("."))}.ts)`,
        );
        continue;
      }
      try {
        const module = (await import(file)) as Record<string, unknown>;
        if (typeof module[exportName] !== "function") {
          problems.push(`${name}: ${handler} does not export a function "${exportName}"`);
        }
      } catch (error) {
        problems.push(`${name}: importing ${handler} failed: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("run on nodejs24.x with memory and time-out set", () => {
    expect(
      functionsOf(production)
        .map((resource) => resource.name)
        .sort(),
    ).toEqual(["Api", "DatabaseMigrator", "DocumentWorker"]);
    for (const { args } of functionsOf(production)) {
      expect(args.runtime).toBe("nodejs24.x");
      expect(megabytes(args.memory)).toBeGreaterThanOrEqual(512);
      expect(durationSeconds(args.timeout)).toBeGreaterThan(0);
      expect(durationSeconds(args.timeout)).toBeLessThanOrEqual(900);
    }
  });

  it("link every SST resource the handler's code reads", () => {
    const problems: string[] = [];
    for (const { name, args } of functionsOf(production)) {
      const file = resolveHandlerFile(repositoryRoot, String(args.handler));
      if (!file) continue; // reported by the handler test
      const reach = handlerReach(repositoryRoot, file);
      const read = new Set(reach.resourceNames);
      if (reach.files.includes("functions/src/platform/sst-resources.ts")) {
        for (const linkName of sstLinkNames) read.add(linkName);
      }
      const linked = linkNames(production.recorder, args.link);
      const missing = [...read].filter((resource) => resource !== "App" && !linked.includes(resource));
      if (missing.length > 0)
        problems.push(`${name} reads ${missing.join(", ")} but links ${linked.join(", ")}`);
    }
    expect(problems).toEqual([]);
  });

  it("api and worker link every name in SST_LINK_NAMES", () => {
    for (const name of ["Api", "DocumentWorker"]) {
      expect(linkNames(production.recorder, functionNamed(production, name).args.link)).toEqual(
        expect.arrayContaining(sstLinkNames),
      );
    }
  });

  it("every Resource.X read under functions/src is a link the stacks create, typed in sst-env.d.ts", () => {
    const created = new Set(production.recorder.resources.map((resource) => resource.name));
    const reads = resourceReadsUnder(repositoryRoot, "functions/src");
    const unknown = [...reads].filter(([name]) => name !== "App" && !created.has(name));
    expect(unknown.map(([name, files]) => `${name} (${files.join(", ")})`)).toEqual([]);
    const declarations = readFileSync(resolve(repositoryRoot, "sst-env.d.ts"), "utf8");
    for (const name of new Set([...sstLinkNames, ...reads.keys()]))
      expect(declarations).toMatch(new RegExp(`\\b${name}:`));
  });

  it("install (not bundle) the packages that load binaries or their own files", () => {
    const dependencies = JSON.parse(
      readFileSync(resolve(repositoryRoot, "functions/package.json"), "utf8"),
    ).dependencies;
    const worker = functionNamed(production, "DocumentWorker").args;
    expect(worker.nodejs.install).toEqual(
      expect.arrayContaining(["sharp", "@napi-rs/canvas", "tesseract.js", "pdfjs-dist"]),
    );
    const problems: string[] = [];
    for (const { name, args } of functionsOf(production)) {
      const install: string[] = args.nodejs?.install ?? [];
      const copied = (args.copyFiles ?? []).map((entry: { from: string }) => entry.from);
      for (const pkg of install)
        if (!dependencies[pkg]) problems.push(`${name} installs ${pkg}, not in functions/package.json`);
      for (const from of copied)
        if (!existsSync(resolve(repositoryRoot, from))) problems.push(`${name} copies missing ${from}`);
      const file = resolveHandlerFile(repositoryRoot, String(args.handler));
      if (!file) continue;
      const reach = handlerReach(repositoryRoot, file);
      for (const pkg of runtimeFilePackages) {
        if (reach.packages.has(pkg) && !install.includes(pkg))
          problems.push(`${name} imports ${pkg} but does not install it`);
      }
      for (const pkg of reach.assetPackages) {
        if (!install.includes(pkg) && !copied.includes(`node_modules/${pkg}`)) {
          problems.push(`${name} reads files of ${pkg} but neither installs nor copies it`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
