/**
 * Recording stand-ins for the globals SST injects into sst.config.ts and stacks/ ($config, $app,
 * $dev, $interpolate, $transform, sst.*, aws.*). Components record their name and final args
 * (after $transform) and expose symbolic outputs like "<Uploads.name>", so a test can check the
 * wiring without the SST CLI or any cloud provider.
 */

/** A Pulumi-like output holding a symbolic value, e.g. "<Api.url>". */
export class RecordedOutput<T = unknown> {
  constructor(readonly value: T) {}

  apply<U>(transform: (value: T) => U): RecordedOutput<U> {
    return new RecordedOutput(transform(this.value));
  }
}

export interface RecordedResource {
  /** "sst.aws.Function", "aws.cloudwatch.MetricAlarm", ... */
  kind: string;
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: args are whatever the stacks passed; tests inspect them.
  args: any;
  instance: object;
}

export interface RecordedSubscription {
  queue: string;
  subscriber: unknown;
  // biome-ignore lint/suspicious/noExplicitAny: subscription args as passed by the stacks.
  args: any;
}

type TransformCallback = (args: unknown, opts: unknown, name: string) => void;

export interface SstRecorder {
  resources: RecordedResource[];
  subscriptions: RecordedSubscription[];
  /** The one resource of that kind and name; the error lists what was recorded instead. */
  get(kind: string, name: string): RecordedResource;
  all(kind: string): RecordedResource[];
  uninstall(): void;
}

const globalNames = ["$config", "$app", "$dev", "$interpolate", "$transform", "sst", "aws"] as const;

export function output(label: string): RecordedOutput<string> {
  return new RecordedOutput(`<${label}>`);
}

/** The plain value behind a recorded output (or the value itself). */
export function plain(value: unknown): unknown {
  return value instanceof RecordedOutput ? value.value : value;
}

export function installSstRecorder(stage: string): SstRecorder {
  const resources: RecordedResource[] = [];
  const subscriptions: RecordedSubscription[] = [];
  const transforms: Array<{ component: unknown; callback: TransformCallback }> = [];

  function record(kind: string, component: unknown, name: string, args: unknown, instance: object): void {
    const finalArgs = args ?? {};
    for (const transform of transforms) {
      if (transform.component === component) transform.callback(finalArgs, {}, name);
    }
    resources.push({ kind, name, args: finalArgs, instance });
  }

  /** Unknown properties of a resource read as outputs named after it, like Pulumi resources. */
  function withOutputs<T extends object>(instance: T, name: string): T {
    // Cached so that reading `web.url` twice gives the same output, as with Pulumi resources.
    const outputs = new Map<string, RecordedOutput<string>>();
    return new Proxy(instance, {
      get(target, property, receiver) {
        if (property in target || typeof property !== "string" || property === "then") {
          return Reflect.get(target, property, receiver);
        }
        if (!outputs.has(property)) outputs.set(property, output(`${name}.${property}`));
        return outputs.get(property);
      },
    });
  }

  function resourceClass(kind: string) {
    const component = class {
      constructor(name: string, args?: unknown) {
        const instance = withOutputs(this, name);
        record(kind, component, name, args, instance);
        // biome-ignore lint/correctness/noConstructorReturn: the proxy gives every property an output.
        return instance;
      }
    };
    return component;
  }

  /** sst.aws.X and aws.x.Y namespaces: any class name works and records under its path. */
  function namespace(path: string, known: Record<string, unknown> = {}): object {
    const made = new Map<string, unknown>(Object.entries(known));
    return new Proxy(
      {},
      {
        get(_target, property) {
          if (typeof property !== "string") return undefined;
          if (!made.has(property)) {
            const kind = `${path}.${property}`;
            made.set(property, /^[A-Z]/.test(property) ? resourceClass(kind) : namespace(kind));
          }
          return made.get(property);
        },
      },
    );
  }

  class Queue {
    readonly url: RecordedOutput<string>;
    readonly arn: RecordedOutput<string>;
    readonly nodes: { queue: { name: RecordedOutput<string>; arn: RecordedOutput<string> } };
    private readonly queueName: string;

    constructor(name: string, args?: unknown) {
      this.queueName = name;
      this.url = output(`${name}.url`);
      this.arn = output(`${name}.arn`);
      this.nodes = { queue: { name: output(`${name}.queue.name`), arn: this.arn } };
      record("sst.aws.Queue", Queue, name, args, this);
    }

    subscribe(subscriber: unknown, args?: unknown): object {
      if (subscriptions.some((subscription) => subscription.queue === this.queueName)) {
        throw new Error(`Queue "${this.queueName}" can only have one subscriber.`);
      }
      subscriptions.push({ queue: this.queueName, subscriber, args: args ?? {} });
      return {};
    }
  }

  class SstFunction {
    readonly name: RecordedOutput<string>;
    readonly arn: RecordedOutput<string>;
    readonly url: RecordedOutput<string> | undefined;

    constructor(name: string, args: { url?: unknown }) {
      record("sst.aws.Function", SstFunction, name, args, this);
      this.name = output(`${name}.name`);
      this.arn = output(`${name}.arn`);
      this.url = args.url ? output(`${name}.url`) : undefined;
    }
  }

  class Secret {
    readonly value: RecordedOutput<string>;

    constructor(name: string, placeholder?: string) {
      record("sst.Secret", Secret, name, { placeholder }, this);
      this.value = output(`${name}.value`);
    }
  }

  class Linkable {
    constructor(name: string, args: unknown) {
      record("sst.Linkable", Linkable, name, args, this);
    }
  }

  const sst = {
    Secret,
    Linkable,
    aws: namespace("sst.aws", { Queue, Function: SstFunction }),
  };

  const globals: Record<(typeof globalNames)[number], unknown> = {
    $config: (config: unknown) => config,
    $app: { name: "finstat", stage },
    $dev: false,
    $interpolate: (literals: TemplateStringsArray, ...placeholders: unknown[]) =>
      new RecordedOutput(
        literals.reduce((text, literal, index) => {
          const placeholder = index < placeholders.length ? String(plain(placeholders[index])) : "";
          return text + literal + placeholder;
        }, ""),
      ),
    $transform: (component: unknown, callback: TransformCallback) => {
      transforms.push({ component, callback });
    },
    sst,
    aws: namespace("aws"),
  };
  const host = globalThis as Record<string, unknown>;
  const previous = Object.fromEntries(globalNames.map((name) => [name, host[name]]));
  Object.assign(host, globals);

  return {
    resources,
    subscriptions,
    get(kind, name) {
      const found = resources.filter((resource) => resource.kind === kind && resource.name === name);
      if (found.length !== 1) {
        const recorded = resources.map((resource) => `${resource.kind} ${resource.name}`).join(", ");
        throw new Error(
          `Expected exactly one ${kind} "${name}", found ${found.length}. Recorded: ${recorded}`,
        );
      }
      return found[0]!;
    },
    all(kind) {
      return resources.filter((resource) => resource.kind === kind);
    },
    uninstall() {
      Object.assign(host, previous);
    },
  };
}

/** The link names a component answers to: the name it was created with. */
export function linkNames(recorder: SstRecorder, links: unknown): string[] {
  if (!Array.isArray(links)) return [];
  return links.map((link) => {
    const resource = recorder.resources.find((candidate) => candidate.instance === link);
    return resource ? resource.name : `<unrecorded ${String(link)}>`;
  });
}

/** "600 seconds", "10 minutes", "1 hour" -> seconds. */
export function durationSeconds(duration: unknown): number {
  const match = /^(\d+(?:\.\d+)?) (second|minute|hour|day)s?$/.exec(String(duration));
  if (!match) throw new Error(`Not a duration: ${String(duration)}`);
  const unit = { second: 1, minute: 60, hour: 3600, day: 86400 }[match[2] as "second"];
  return Number(match[1]) * unit;
}

/** "2048 MB" -> 2048. */
export function megabytes(size: unknown): number {
  const match = /^(\d+) MB$/.exec(String(size));
  if (!match) throw new Error(`Not a size in MB: ${String(size)}`);
  return Number(match[1]);
}
