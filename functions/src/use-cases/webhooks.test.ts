import { describe, expect, it } from "vitest";
import { isPrivateHost } from "./webhooks";

describe("isPrivateHost", () => {
  it("recognises loopback, private, link-local (cloud metadata) and unique-local addresses", () => {
    for (const host of [
      "localhost",
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "[::1]",
      "fd00::1",
      "metadata.internal",
    ]) {
      expect({ host, private: isPrivateHost(host) }).toEqual({ host, private: true });
    }
    for (const host of ["hooks.example.com", "8.8.8.8", "172.32.0.1", "2001:4860:4860::8888"]) {
      expect({ host, private: isPrivateHost(host) }).toEqual({ host, private: false });
    }
  });
});
