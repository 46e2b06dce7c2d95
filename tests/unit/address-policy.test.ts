/**
 * Which addresses a school's model connection may reach (MODEL_CONNECTIONS_ALLOW; decision 015,
 * update of 2026-12-07). Found in a review: on a district server shared by many schools, any
 * school's admin could make the server connect anywhere — the cloud's metadata service, the
 * district's internal network, the server's own loopback services — and learn from "Find models"
 * whether something answered there.
 */
import { describe, expect, it } from "vitest";
import { addressAllowed, addressClass, parseAddressPolicy, type AddressPolicy } from "~/utils/address-policy.server";
import { EnvError, parseEnv } from "~/utils/env.server";

function policy(text: string): AddressPolicy {
  const parsed = parseAddressPolicy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.policy;
}

const byDefault = policy("public,private,loopback");
const publicOnly = policy("public");

/** The host an address typed in a URL reaches: the URL parser's own reading, as fetch makes it. */
const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, "");

describe("the address classes", () => {
  it.each([
    // link-local, where clouds serve their metadata and credentials
    ["169.254.169.254", "never"],
    ["169.254.0.23", "never"],
    ["169.254.0.1", "never"],
    ["fe80::1", "never"],
    ["fe80::a9fe:a9fe%eth0", "never"],
    ["febf:ffff::1", "never"],
    // cloud metadata outside link-local
    ["fd00:ec2::254", "never"],
    ["100.100.100.200", "never"],
    ["168.63.129.16", "never"],
    // "this network", multicast, reserved, broadcast, unspecified
    ["0.0.0.0", "never"],
    ["0.1.2.3", "never"],
    ["224.0.0.1", "never"],
    ["239.255.255.250", "never"],
    ["240.0.0.1", "never"],
    ["255.255.255.255", "never"],
    ["ff02::1", "never"],
    ["::", "never"],
    // IPv6 outside global unicast, ULA and loopback: unassigned or special
    ["100::1", "never"],
    ["2001:db8::1", "public"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["192.168.1.20", "private"],
    ["100.64.0.1", "private"],
    ["198.18.0.1", "private"],
    ["fd12:3456::1", "private"],
    ["fc00::1", "private"],
    ["8.8.8.8", "public"],
    ["172.32.0.1", "public"],
    ["100.128.0.1", "public"],
    ["2606:4700:4700::1111", "public"],
    ["not an address", "never"],
    ["", "never"],
  ])("%s is %s", (address, expected) => {
    expect(addressClass(address)).toBe(expected);
  });

  it.each([
    // IPv4-mapped, in both spellings, and the other IPv6 forms that carry an IPv4 address
    ["::ffff:169.254.169.254", "never"],
    ["::ffff:a9fe:a9fe", "never"],
    ["0:0:0:0:0:ffff:a9fe:a9fe", "never"],
    ["::ffff:0:a9fe:a9fe", "never"],
    ["::169.254.169.254", "never"],
    ["64:ff9b::a9fe:a9fe", "never"],
    ["64:ff9b::169.254.169.254", "never"],
    ["2002:a9fe:a9fe::1", "never"],
    ["::ffff:0.0.0.0", "never"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["64:ff9b::7f00:1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:c0a8:114", "private"],
    ["2002:c0a8:0114::", "private"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::808:808", "public"],
  ])("%s is judged as the IPv4 address it carries: %s", (address, expected) => {
    expect(addressClass(address)).toBe(expected);
  });
});

describe("the default policy: a school's own server keeps working", () => {
  it.each(["127.0.0.1", "::1", "192.168.1.20", "10.20.0.5", "172.20.1.1", "fd12::20", "8.8.8.8", "2606:4700::1111"])("%s is allowed", (address) => {
    expect(addressAllowed(byDefault, address)).toBe(true);
  });

  it.each(["169.254.169.254", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "fe80::1", "0.0.0.0", "224.0.0.251", "ff02::fb", "fd00:ec2::254", "100.100.100.200"])(
    "%s is refused",
    (address) => {
      expect(addressAllowed(byDefault, address)).toBe(false);
    },
  );
});

describe("public: a district closes its own networks and the server's loopback", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "10.0.0.1", "::ffff:10.0.0.1", "172.31.255.255", "192.168.0.1", "100.64.0.1", "fd00::1", "64:ff9b::7f00:1", "2002:7f00:1::"])(
    "%s is refused",
    (address) => {
      expect(addressAllowed(publicOnly, address)).toBe(false);
    },
  );

  it.each(["8.8.8.8", "172.32.0.1", "2606:4700::1111", "64:ff9b::808:808"])("%s is allowed", (address) => {
    expect(addressAllowed(publicOnly, address)).toBe(true);
  });
});

describe("a list: only the district's own model servers", () => {
  const listed = policy("10.20.0.0/16, 192.168.5.7, fd12:1::/32, ollama.district.example, *.models.district.example");

  it("allows the listed ranges and addresses, in either IP version's spelling, and nothing else", () => {
    expect(addressAllowed(listed, "10.20.3.4")).toBe(true);
    expect(addressAllowed(listed, "::ffff:10.20.3.4")).toBe(true);
    expect(addressAllowed(listed, "192.168.5.7")).toBe(true);
    expect(addressAllowed(listed, "fd12:1:2::3")).toBe(true);
    expect(addressAllowed(listed, "10.21.0.1")).toBe(false);
    expect(addressAllowed(listed, "192.168.5.8")).toBe(false);
    expect(addressAllowed(listed, "127.0.0.1")).toBe(false);
    expect(addressAllowed(listed, "8.8.8.8")).toBe(false);
  });

  it("allows whatever a listed name resolves to, and only through that name", () => {
    expect(addressAllowed(listed, "10.9.9.9", "ollama.district.example")).toBe(true);
    expect(addressAllowed(listed, "10.9.9.9", "OLLAMA.District.Example.")).toBe(true);
    expect(addressAllowed(listed, "10.9.9.9", "gpu1.models.district.example")).toBe(true);
    expect(addressAllowed(listed, "10.9.9.9", "models.district.example")).toBe(false);
    expect(addressAllowed(listed, "10.9.9.9", "evil-models.district.example.attacker.example")).toBe(false);
    expect(addressAllowed(listed, "10.9.9.9", "other.example")).toBe(false);
    expect(addressAllowed(listed, "10.9.9.9")).toBe(false);
  });

  it("never allows link-local or metadata, even when listed", () => {
    const careless = policy("169.254.0.0/16,0.0.0.0/0,::/0,metadata.google.internal");
    expect(addressAllowed(careless, "169.254.169.254")).toBe(false);
    expect(addressAllowed(careless, "::ffff:169.254.169.254")).toBe(false);
    expect(addressAllowed(careless, "169.254.169.254", "metadata.google.internal")).toBe(false);
    expect(addressAllowed(careless, "fe80::1")).toBe(false);
    expect(addressAllowed(careless, "8.8.8.8")).toBe(true);
  });
});

describe("addresses typed in odd forms are the addresses they are", () => {
  // The URL parser (as fetch uses it) reads every IPv4 spelling as the address; the check then
  // judges that address, never the text.
  it.each([
    "http://2852039166/",
    "http://0xa9fea9fe/",
    "http://0xA9.0xFE.0xA9.0xFE/",
    "http://0251.0376.0251.0376/",
    "http://169.254.43518/",
    "http://169.16689662/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",
    "http://[fe80::1]:11434/",
    "http://0/",
    "http://0.0.0.0:11434/",
  ])("%s is refused by default", (url) => {
    expect(addressAllowed(byDefault, hostOf(url))).toBe(false);
  });

  it.each(["http://0x7f.1/", "http://2130706433/", "http://0177.0.0.1/", "http://127.1/", "http://[::ffff:7f00:1]/", "http://[::1]:8080/", "http://0x0a.0x14.0.5/"])(
    "%s is allowed by default, refused under public",
    (url) => {
      expect(addressAllowed(byDefault, hostOf(url))).toBe(true);
      expect(addressAllowed(publicOnly, hostOf(url))).toBe(false);
    },
  );
});

describe("the setting", () => {
  it("is read whatever its case and spacing", () => {
    expect(policy(" Public , LOOPBACK ").text).toBe("public,loopback");
    expect([...policy("public,private,loopback").kinds].sort()).toEqual(["loopback", "private", "public"]);
  });

  it.each(["", " , ", "everything", "10.0.0.0/33", "10.0.0.0/8/8", "2852039166", "0x7f.1", "10.0.0", "http://ollama.local", "ollama.local:11434", "*", "a..b"])(
    "%j stops the server with a message",
    (text) => {
      expect(parseAddressPolicy(text).ok).toBe(false);
    },
  );

  it("defaults to public, private and loopback; a bad value names the variable", () => {
    expect(parseEnv({}).MODEL_CONNECTIONS_ALLOW.text).toBe("public,private,loopback");
    expect(parseEnv({ MODEL_CONNECTIONS_ALLOW: "public" }).MODEL_CONNECTIONS_ALLOW.kinds).toEqual(new Set(["public"]));
    expect(() => parseEnv({ MODEL_CONNECTIONS_ALLOW: "intranet" })).toThrow(EnvError);
    expect(() => parseEnv({ MODEL_CONNECTIONS_ALLOW: "intranet" })).toThrow(/MODEL_CONNECTIONS_ALLOW/);
  });
});
