/**
 * The first start over a real network connection (decision 008): a server started as the README
 * says (demo school, listening on every interface) lets the demo accounts sign in with the
 * published password from this computer only. Another address of this machine stands in for a
 * computer on the school network: the server sees that address, not loopback.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../app/models/demo-school";
import { startLanternServer, type LanternServer } from "../../scripts/harness/lantern-server";

/** A non-loopback IPv4 address of this machine (eth0 or the like). */
function networkAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list ?? []) if (entry.family === "IPv4" && !entry.internal) return entry.address;
  }
  throw new Error("this machine has no non-loopback IPv4 address to test from");
}

let server: LanternServer;
let dataDir: string;
let here: string;
let lan: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-demo-lock-"));
  // what `npm start` does: demo school, every interface
  server = await startLanternServer({ dataDir, env: { HOST: "0.0.0.0", LANTERN_DEMO: "1" } });
  here = `http://127.0.0.1:${server.port}`;
  lan = `http://${networkAddress()}:${server.port}`;
});

afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function post(base: string, urlPath: string, form: Record<string, string>, cookie?: string) {
  const res = await fetch(`${base}${urlPath}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: base,
      "Accept-Language": "en",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(form),
  });
  return { status: res.status, cookie: res.headers.get("set-cookie")?.split(";")[0] ?? null, body: await res.text() };
}
const signIn = (base: string, login: string, password: string) => post(base, "/signin", { login, password });

describe("the demo accounts on a server open to the network", () => {
  it("sign in from this computer with the README's password", async () => {
    const teacher = await signIn(here, DEMO.teacherEmail, DEMO.password);
    expect(teacher.status, server.output()).toBe(302);
    expect(teacher.cookie).toBeTruthy();
    expect((await signIn(here, DEMO.students[0], DEMO.password)).status).toBe(302);
  });

  it("are refused from another computer, with the reason and what to do", async () => {
    const teacher = await signIn(lan, DEMO.teacherEmail, DEMO.password);
    expect(teacher.status).toBe(200);
    expect(teacher.cookie).toBeNull();
    expect(teacher.body).toContain("README");
    expect(teacher.body).toContain("Account page");
    // where to go instead: this server, on its own computer
    expect(teacher.body).toContain(`http://localhost:${server.port}`);
    const student = await signIn(lan, DEMO.students[0], DEMO.password);
    expect(student.cookie).toBeNull();
    expect(student.body).toContain("Ask your teacher for a new password");
  });

  it("the admin signs in from another computer once the password is changed", async () => {
    const { cookie } = await signIn(here, DEMO.teacherEmail, DEMO.password);
    const fresh = "harbour-lantern-river-42";
    const changed = await post(here, "/account", { intent: "password", current: DEMO.password, next: fresh }, cookie!);
    expect(changed.status).toBeLessThan(400);
    const after = await signIn(lan, DEMO.teacherEmail, fresh);
    expect(after.status, after.body.slice(0, 500)).toBe(302);
    expect(after.cookie).toBeTruthy();
    // the demo students still carry the published password
    expect((await signIn(lan, DEMO.students[1], DEMO.password)).cookie).toBeNull();
  });
});
