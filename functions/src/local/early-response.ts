import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** How long, and for how many bytes, a closing connection still reads what the client sends. */
const LINGER_MS = 3_000;
const LINGER_MAX_BYTES = 64 * 1024 * 1024;
const lingering = Symbol("lingering");

/**
 * A response written before the request's body has arrived (a 413 for a body over the limit,
 * or any refusal that does not read the body) cannot leave the connection open: the rest of
 * the body would have to be read first, and the server will not. So such a response, and every
 * 413, says `Connection: close` instead of promising keep-alive, and the connection is closed
 * the clean way (RFC 9112 §9.6): the response goes out with a FIN, what the client is still
 * sending is read and dropped for a moment, and only then is the socket destroyed. Destroying
 * it at once, with unread bytes, makes the kernel answer with a reset that can take the
 * response with it (the client sees ECONNRESET instead of 413).
 */
export function closeWhenAnsweredEarly(request: IncomingMessage, response: ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const status = typeof args[0] === "number" ? args[0] : this.statusCode;
    if (!request.complete || status === 413) {
      this.setHeader("Connection", "close");
      lingerOnClose(request);
    }
    return (writeHead as (...values: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

/** Node closes a `Connection: close` response's socket with destroySoon: this makes that close linger. */
function lingerOnClose(request: IncomingMessage): void {
  const socket = request.socket as Socket & { [lingering]?: boolean };
  if (!socket || socket[lingering] !== undefined) return;
  socket[lingering] = false;
  socket.destroySoon = function lingeringClose(this: Socket & { [lingering]?: boolean }) {
    if (this[lingering]) return;
    this[lingering] = true;
    if (this.writable) this.end();
    let dropped = 0;
    const stop = () => {
      clearTimeout(timer);
      this.destroy();
    };
    const timer = setTimeout(stop, LINGER_MS);
    timer.unref();
    this.on("data", (chunk: Buffer) => {
      dropped += chunk.byteLength;
      if (dropped > LINGER_MAX_BYTES) stop();
    });
    this.once("end", stop);
    this.once("close", () => clearTimeout(timer));
    // The body still arriving is parsed into the request, whose unread web stream would pause
    // it (backpressure) and with it the socket: the answer is out, so its readers go.
    request.removeAllListeners("data");
    request.resume();
    this.resume();
    return this;
  } as Socket["destroySoon"];
}
