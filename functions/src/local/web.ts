import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";

export type NodeRequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * The production build of web/ (`npm run build:web`, which `npm start` runs first), served
 * by Next's own request handler inside this process.
 */
export async function createWebHandler(webDirectory: string, port: number): Promise<NodeRequestHandler> {
  if (!existsSync(join(webDirectory, ".next", "BUILD_ID"))) {
    throw new Error(
      `The web app is not built (${webDirectory}/.next is missing). Run \`npm run build:web\` or \`npm start\`.`,
    );
  }
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: webDirectory, port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (request, response) => handle(request, response);
}
