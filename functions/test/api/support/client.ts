import type { createApp } from "../../../src/api/app";

/** Response bodies as tests read them: assertions check their shape. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are inspected freely by the assertions
export type Json = any;

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser stand-in for tests: keeps the cookies the API sets, sends the CSRF token on writes
 * (as the web does), and talks to the Hono app in-process through real Request objects.
 */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  csrfToken?: string;
  origin?: string;
  /** The organisation switcher's choice, sent as X-Organisation-Id on every request when set. */
  organisationId?: string;
  /** A script's API key (fsk_…), sent as `Authorization: Bearer` on every request when set. */
  bearer?: string;

  constructor(private readonly app: ReturnType<typeof createApp>) {}

  async request<T = Json>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await this.raw(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.csrfToken && method !== "GET" ? { "x-csrf-token": this.csrfToken } : {}),
        ...(this.organisationId ? { "x-organisation-id": this.organisationId } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    const result = { status: response.status, body: parsed as T, headers: response.headers };
    const token = (parsed as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === "string") this.csrfToken = token;
    return result;
  }

  get<T = Json>(path: string, headers?: Record<string, string>) {
    return this.request<T>("GET", path, undefined, headers);
  }
  post<T = Json>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>("POST", path, body, headers);
  }
  patch<T = Json>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, body);
  }
  put<T = Json>(path: string, body?: unknown) {
    return this.request<T>("PUT", path, body);
  }
  delete<T = Json>(path: string, body?: unknown) {
    return this.request<T>("DELETE", path, body);
  }

  /** Any request (absolute URLs included) with this client's cookies; stores the ones set. */
  async raw(path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    const url = path.startsWith("http") ? path : `http://localhost:3000${path}`;
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const headers = {
      ...(init.headers ?? {}),
      ...(cookie ? { cookie } : {}),
      ...(this.origin ? { origin: this.origin } : {}),
      ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
    };
    const response = await this.app.request(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line);
      if (expired || value.join("=") === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
    return response;
  }

  /** Registers a fresh user and logs in, as the web does (registering gives no session), keeping the session. */
  async signUp(email: string, password = "correct horse battery staple") {
    const registered = await this.post("/api/auth/register", {
      email,
      password,
      fullName: "Test Accountant",
    });
    if (registered.status !== 202)
      throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
    const response = await this.post("/api/auth/login", { email, password });
    if (response.status !== 200)
      throw new Error(`log-in after register failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.user as { id: string; email: string };
  }

  async createCompany(name = "Example Trading Ltd", extra: Record<string, unknown> = {}) {
    const response = await this.post("/api/companies", { name, currency: "USD", ...extra });
    if (response.status !== 201)
      throw new Error(`company failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.company as { id: string; name: string };
  }
}
