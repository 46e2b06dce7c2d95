/**
 * Nothing a signed-in person is shown may be stored by the browser's cache or a proxy: every
 * route with a loader (pages, their `.data` requests, exports and other resource routes), as a
 * student, a teacher and an admin, answers with Cache-Control: no-store — whatever its status.
 * The list comes from scanning app/routes, so a route added tomorrow is checked too.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, closeTestSql, cookieHeaderFor, DEMO_STUDENTS, DEMO_TEACHER, makeTeacher, realParamValues, userByUsername } from "./setup/context";
import { fillPattern, scanRoutes } from "./setup/routes";

function get(path: string, cookie: string): Promise<{ status: number; cacheControl: string }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, headers: { cookie } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, cacheControl: String(res.headers["cache-control"] ?? "") }));
    });
    req.on("error", reject);
    req.end();
  });
}

const cookies: Record<string, string> = {};
let values: Record<string, string>;

beforeAll(async () => {
  const teacher = await makeTeacher("Cache Test Teacher");
  cookies.student = await cookieHeaderFor(DEMO_STUDENTS[1]!);
  cookies.teacher = await cookieHeaderFor(teacher.username);
  cookies.admin = await cookieHeaderFor(DEMO_TEACHER);
  expect((await userByUsername(DEMO_TEACHER)).role).toBe("admin");
  values = await realParamValues();
});

afterAll(closeTestSql);

describe("private responses are never cached", () => {
  it("sends Cache-Control: no-store on every route, data request and export for a signed-in student, teacher and admin", async () => {
    const routes = scanRoutes().filter((r) => r.hasLoader);
    expect(routes.some((r) => /export/.test(r.file)), "the exports are in the list").toBe(true);
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const path = fillPattern(route.pattern, values);
      const paths = route.isPage ? [path, `${path === "/" ? "/_root" : path}.data`] : [path];
      for (const target of paths) {
        for (const [who, cookie] of Object.entries(cookies)) {
          const answer = await get(target, cookie);
          checked++;
          if (!/\bno-store\b/.test(answer.cacheControl)) {
            failures.push(`${route.file} ${target} as ${who} → ${answer.status} "${answer.cacheControl}"`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  });

  it("keeps anonymous lesson pages cacheable (they hold nothing private)", async () => {
    const answer = await get(`/learn/${values.lesson}`, "");
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).not.toMatch(/no-store/);
  });
});
