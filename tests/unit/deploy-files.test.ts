/**
 * deploy/Dockerfile and deploy/lantern.service run Lantern with exactly the command whose
 * signal handling tests/e2e/recovery.test.ts covers (`npm start`), stop it with SIGTERM to that
 * process alone, and restart it when it exits non-zero. No image registry is reachable here to
 * build the image, so the files are checked by parsing them (and by `systemd-analyze verify`
 * where it exists).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

const START_COMMAND = ["npm", "start"];

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function dockerInstructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(" ") };
    });
}

/** systemd unit: section → key → values (keys may repeat). */
function unitFile(text: string): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      out[section] ??= {};
      continue;
    }
    const eq = line.indexOf("=");
    expect(eq, `not a key=value line: ${line}`).toBeGreaterThan(0);
    expect(section, `key outside a section: ${line}`).not.toBe("");
    const key = line.slice(0, eq).trim();
    (out[section]![key] ??= []).push(line.slice(eq + 1).trim());
  }
  return out;
}

describe("deploy/Dockerfile", () => {
  const steps = dockerInstructions(fs.readFileSync("deploy/Dockerfile", "utf8"));
  const finalStage = steps.slice(steps.map((s) => s.op).lastIndexOf("FROM"));
  const known = new Set(["FROM", "WORKDIR", "COPY", "RUN", "ENV", "USER", "VOLUME", "EXPOSE", "STOPSIGNAL", "HEALTHCHECK", "CMD", "ARG", "LABEL"]);

  it("uses only known instructions", () => {
    for (const s of steps) expect(known.has(s.op), s.op).toBe(true);
  });

  it("runs exactly `npm start` (exec form, so SIGTERM reaches npm), stopped with SIGTERM", () => {
    const cmds = finalStage.filter((s) => s.op === "CMD");
    expect(cmds).toHaveLength(1);
    expect(JSON.parse(cmds[0]!.args)).toEqual(START_COMMAND);
    expect(finalStage.some((s) => s.op === "ENTRYPOINT")).toBe(false);
    expect(finalStage.find((s) => s.op === "STOPSIGNAL")?.args).toBe("SIGTERM");
  });

  it("builds on the Node major that package.json allows, runs as a non-root user, keeps data in a volume, checks /healthz", () => {
    const engines = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { engines: { node: string } }).engines.node;
    const major = Number(/(\d+)/.exec(engines)![1]);
    for (const from of steps.filter((s) => s.op === "FROM")) {
      expect(Number(/^node:(\d+)/.exec(from.args)?.[1])).toBeGreaterThanOrEqual(major);
    }
    expect(finalStage.find((s) => s.op === "USER")?.args).toBe("node");
    const dataDir = /DATA_DIR=(\S+)/.exec(finalStage.filter((s) => s.op === "ENV").map((s) => s.args).join(" "))?.[1];
    expect(finalStage.find((s) => s.op === "VOLUME")?.args).toBe(dataDir);
    expect(finalStage.find((s) => s.op === "HEALTHCHECK")?.args).toContain("/healthz");
  });

  it("does not copy the host's node_modules, data or build into the image", () => {
    const ignored = fs.readFileSync(".dockerignore", "utf8").split("\n").map((l) => l.trim());
    for (const entry of ["node_modules", "data", "build", ".env"]) expect(ignored).toContain(entry);
  });
});

describe("deploy/lantern.service", () => {
  const text = fs.readFileSync("deploy/lantern.service", "utf8");
  const unit = unitFile(text);

  it("runs exactly `npm start`, signals npm alone with SIGTERM, and restarts after a non-zero exit", () => {
    const service = unit.Service!;
    expect(service.ExecStart).toHaveLength(1);
    const [program, ...args] = service.ExecStart![0]!.split(/\s+/);
    expect(program).toMatch(/^\/.*\/npm$/);
    expect([program!.split("/").pop(), ...args]).toEqual(START_COMMAND);
    expect(service.KillMode).toEqual(["mixed"]);
    expect(service.KillSignal).toEqual(["SIGTERM"]);
    expect(service.Restart).toEqual(["on-failure"]);
    expect(service.User?.[0]).not.toBe("root");
    expect(unit.Install?.WantedBy).toEqual(["multi-user.target"]);
  });

  it("passes systemd-analyze verify where systemd is installed", () => {
    const which = spawnSync("sh", ["-c", "command -v systemd-analyze"], { encoding: "utf8" });
    if (which.status !== 0) return; // no systemd here: the parse above is the check
    const result = spawnSync("systemd-analyze", ["verify", "deploy/lantern.service"], { encoding: "utf8" });
    // It reports problems on stderr and may still exit 0; a missing user or folder is this
    // machine's business, not the file's.
    const problems = (result.stderr + result.stdout)
      .split("\n")
      .filter((l) => l.includes("lantern.service") && !/user|group|WorkingDirectory|No such file/i.test(l));
    expect(problems).toEqual([]);
  });
});
