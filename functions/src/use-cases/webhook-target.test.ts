import { describe, expect, it } from "vitest";
import { addressRange, checkWebhookAddress, checkWebhookUrl, isPublicAddress } from "./webhook-target";

const production = { allowHttp: false, allowPrivateNetworks: false };
const embedded = { allowHttp: true, allowPrivateNetworks: false };
const trusting = { allowHttp: true, allowPrivateNetworks: true };

describe("addressRange", () => {
  it.each([
    ["0.0.0.0", "this-network"],
    ["0.1.2.3", "this-network"],
    ["10.1.2.3", "private"],
    ["100.64.0.1", "shared"],
    ["100.127.255.254", "shared"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.255", "loopback"],
    ["169.254.169.254", "link-local"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.0.0.1", "ietf-protocol"],
    ["192.0.2.10", "documentation"],
    ["192.88.99.1", "reserved"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.254", "benchmarking"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.254", "reserved"],
    ["255.255.255.255", "broadcast"],
  ])("IPv4 %s is %s", (address, range) => {
    expect(addressRange(address)).toBe(range);
  });

  it.each([
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["fec0::1", "reserved"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["ff02::1", "multicast"],
    ["ff05::1:3", "multicast"],
    ["100::1", "reserved"],
    ["2001:db8::1", "documentation"],
    ["3fff::1", "documentation"],
    ["2001::1", "ietf-protocol"],
    ["2001:2::1", "ietf-protocol"],
    ["64:ff9b:1::a00:1", "reserved"],
    ["4000::1", "reserved"],
  ])("IPv6 %s is %s", (address, range) => {
    expect(addressRange(address)).toBe(range);
  });

  it.each([
    // IPv4-mapped, in both spellings (the URL parser writes the hexadecimal one).
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["[::ffff:a9fe:a9fe]", "link-local"],
    ["0:0:0:0:0:ffff:c0a8:101", "private"],
    // IPv4-compatible (deprecated, still parsed by some stacks).
    ["::7f00:1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["::a00:1", "private"],
    // NAT64 well-known prefix.
    ["64:ff9b::7f00:1", "loopback"],
    ["64:ff9b::169.254.169.254", "link-local"],
    ["64:ff9b::c612:1", "benchmarking"],
    // 6to4: the IPv4 address sits in bits 16..47.
    ["2002:7f00:1::", "loopback"],
    ["2002:c0a8:101::1", "private"],
    ["2002:e000:1::", "multicast"],
  ])("IPv6 %s embedding a non-public IPv4 is %s", (address, range) => {
    expect(addressRange(address)).toBe(range);
  });

  it("calls public unicast public, including public IPv4 behind NAT64, 6to4 or a mapping", () => {
    for (const address of [
      "8.8.8.8",
      "1.1.1.1",
      "172.32.0.1",
      "100.128.0.1",
      "198.20.0.1",
      "223.255.255.255",
      "2001:4860:4860::8888",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
      "64:ff9b::808:808",
      "2002:808:808::1",
    ]) {
      expect({ address, range: addressRange(address) }).toEqual({ address, range: "public" });
      expect(isPublicAddress(address)).toBe(true);
    }
  });

  it("knows no range for something that is not an address", () => {
    for (const text of ["example.com", "1.2.3", "1.2.3.256", "01.2.3.4", "::g", "1::2::3", "", "[::1"]) {
      expect({ text, range: addressRange(text) }).toEqual({ text, range: null });
      expect(isPublicAddress(text)).toBe(false);
    }
  });
});

describe("checkWebhookUrl", () => {
  const problem = (url: string, policy = production) => checkWebhookUrl(new URL(url), policy)?.code;

  it("requires https unless plain http is allowed", () => {
    expect(problem("http://hooks.example.com/x")).toBe("webhook_url_insecure");
    expect(problem("https://hooks.example.com/x")).toBeUndefined();
    expect(problem("http://hooks.example.com/x", embedded)).toBeUndefined();
    expect(problem("ftp://hooks.example.com/x", trusting)).toBe("webhook_url_insecure");
  });

  it("refuses credentials in the URL", () => {
    expect(problem("https://user:pw@hooks.example.com/x")).toBe("webhook_url_credentials");
  });

  it("refuses private, reserved and local targets by literal or by name", () => {
    for (const url of [
      "https://127.0.0.1/x",
      "https://2130706433/x",
      "https://0x7f.1/x",
      "https://[::1]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://[::7f00:1]/x",
      "https://[64:ff9b::a00:1]/x",
      "https://[2002:a00:1::]/x",
      "https://198.18.0.1/x",
      "https://224.0.0.1/x",
      "https://255.255.255.255/x",
      "https://localhost/x",
      "https://localhost./x",
      "https://api.localhost/x",
      "https://printer.local/x",
      "https://metadata.google.internal/x",
      "https://router.home.arpa/x",
      "https://intranet/x",
    ]) {
      expect({ url, code: problem(url) }).toEqual({ url, code: "webhook_url_private" });
      expect({ url, code: problem(url, trusting) }).toEqual({ url, code: undefined });
    }
  });
});

describe("checkWebhookAddress", () => {
  it("refuses a resolved address unless private networks are allowed", () => {
    expect(checkWebhookAddress("10.0.0.7", production)?.code).toBe("webhook_url_private");
    expect(checkWebhookAddress("::ffff:10.0.0.7", production)?.code).toBe("webhook_url_private");
    expect(checkWebhookAddress("10.0.0.7", trusting)).toBeNull();
    expect(checkWebhookAddress("93.184.216.34", production)).toBeNull();
    // Whatever it is, something that is not an address is never connected to.
    expect(checkWebhookAddress("not-an-address", trusting)?.code).toBe("webhook_url_invalid");
  });

  it("names the range, never the address, in its message", () => {
    const refused = checkWebhookAddress("169.254.169.254", production);
    expect(refused?.message).toContain("link-local");
    expect(refused?.message).not.toContain("169.254");
  });
});
