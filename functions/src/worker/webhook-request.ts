import { lookup } from "node:dns/promises";
import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { checkWebhookAddress, checkWebhookUrl, type WebhookPolicy } from "../use-cases/webhook-target";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to (the system resolver: /etc/hosts, then DNS). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));

/** The target was refused before any connection was opened. */
export class WebhookTargetRefused extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "WebhookTargetRefused";
    this.code = code;
  }
}

export interface WebhookRequest {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * POSTs to a webhook URL, connecting only to an address that was checked: the host is resolved
 * once, every address it resolves to must pass the policy, and the socket is opened to the first
 * of them through a lookup that returns exactly that address. A DNS answer that changes between
 * the check and the connection (rebinding) therefore changes nothing. The Host header and the TLS
 * server name stay the URL's host name. Redirects are not followed; the body is not read.
 */
export async function postToWebhook(
  target: string,
  request: WebhookRequest,
  options: { policy: WebhookPolicy; resolve?: HostResolver },
): Promise<{ status: number }> {
  const url = new URL(target);
  const urlProblem = checkWebhookUrl(url, options.policy);
  if (urlProblem) throw new WebhookTargetRefused(urlProblem.code, urlProblem.message);

  const deadline = AbortSignal.timeout(request.timeoutMs);
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) as 4 | 6 }]
    : await withDeadline((options.resolve ?? systemResolver)(host), deadline);
  if (addresses.length === 0) {
    throw new WebhookTargetRefused("webhook_url_invalid", "The webhook host did not resolve to any address.");
  }
  for (const { address } of addresses) {
    const problem = checkWebhookAddress(address, options.policy);
    if (problem) throw new WebhookTargetRefused(problem.code, problem.message);
  }
  const pinned = addresses[0]!;

  const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) {
      (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [pinned]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
  const requestOptions: RequestOptions = {
    method: "POST",
    headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
    // A fresh connection each time: a pooled socket could belong to another address.
    agent: false,
    lookup: pinnedLookup,
    signal: deadline,
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;

  return new Promise((resolve, reject) => {
    const outgoing = send(url, requestOptions, (response) => {
      resolve({ status: response.statusCode ?? 0 });
      // Only the status matters; an endless body must not keep the socket.
      response.destroy();
    });
    outgoing.once("error", reject);
    outgoing.end(request.body);
  });
}

function withDeadline<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener("abort", abort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}
