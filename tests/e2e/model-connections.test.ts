/**
 * The school admin adds a local model server from the Models page (a fake Messages API on
 * 127.0.0.1 that, like Ollama, has no Models API and takes any key), types a model id, approves
 * it, saves and tests it with one click. English and 简体中文.
 * Screenshots: test-results/screenshots/model-connections/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_TEACHER } from "./setup/context";
import { startFakeAnthropic, type FakeAnthropic } from "../../scripts/harness/fake-anthropic";

const JOURNEY = "model-connections";
const browsers: OpenBrowser[] = [];
let local: FakeAnthropic;
let keyed: FakeAnthropic;

beforeAll(async () => {
  keyed = await startFakeAnthropic({ apiKey: "sk-provider-key-7c1d", models: [{ id: "qwen-plus", display_name: "Qwen Plus", created_at: "2025-01-01T00:00:00Z" }] });
  local = await startFakeAnthropic({
    models: [{ id: "qwen2.5:7b", display_name: "Qwen 2.5 7B", created_at: "2025-01-01T00:00:00Z" }],
    quirks: { noUsage: true, noModelsApi: true, anyKey: true },
  });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await local.close();
  await keyed.close();
  await closeTestSql();
});

describe.each(["en", "zh-Hans"] as const)("the Models page in %s", (lang) => {
  const t = translator(lang);
  it("adds a local server, approves a model and tests it", async () => {
    const browser = await openBrowser({ lang, as: DEMO_TEACHER });
    browsers.push(browser);
    const { page } = browser;
    await page.goto("/admin/models");
    const name = lang === "en" ? "Computer lab server" : "机房服务器";
    const add = page.locator(".card").last();
    await add.locator('input[name="name"]').fill(name);
    await add.locator('select[name="kind"]').selectOption("local");
    await add.locator('input[name="baseUrl"]').fill(local.url);
    await add.locator('textarea[name="newModels"]').fill("qwen2.5:7b");
    await add.getByRole("button", { name: t("models.discover") }).click();
    await page.getByText(t("models.discoverFailed", { reason: "404" })).waitFor();
    const draft = page.locator(".card").last();
    await draft.locator('input[name="model.0.name"]').fill("Qwen 2.5");
    await draft.locator('input[name="model.0.window"]').fill("32768");
    await draft.locator('input[name="model.0.approved"]').check();
    await draft.getByRole("button", { name: t("models.save") }).click();
    await page.getByText(t("models.saved")).waitFor();
    const card = page.locator(".card", { has: page.getByRole("heading", { name }) });
    await card.getByRole("button", { name: t("models.test") }).click();
    const result = page.locator("[data-test-code]");
    await result.waitFor();
    expect(await result.getAttribute("data-test-code")).toBe("ok");
    await screenshot(page, JOURNEY, `01-models-page-${lang}`);
    await card.getByText(t("models.edit")).click();
    await card.locator('input[name="model.0.name"]').waitFor();
    expect(await card.locator('input[name="model.0.approved"]').isChecked()).toBe(true);
    await card.screenshot({ path: `test-results/screenshots/${JOURNEY}/02-edit-connection-${lang}.png` });
    expect(await page.content()).not.toContain("sk-");
    expect(browser.problems).toEqual([]);
  });

  // Found in a school admin's walk: a refused key read "this service does not list its models
  // (401), enter model ids by hand", which sent the admin to type ids for a key problem
  it("Find models with a key the server refuses says the key was refused", async () => {
    const browser = await openBrowser({ lang, as: DEMO_TEACHER });
    browsers.push(browser);
    const { page } = browser;
    await page.goto("/admin/models");
    const add = page.locator(".card").last();
    await add.locator('input[name="name"]').fill("Lab server with a key");
    await add.locator('select[name="kind"]').selectOption("local");
    await add.locator('input[name="baseUrl"]').fill(keyed.url);
    await add.getByRole("button", { name: t("models.discover") }).click();
    await page.getByText(t("models.test.auth")).waitFor();
    expect(await page.getByText(t("models.discoverFailed", { reason: "401" })).count()).toBe(0);
    expect(browser.problems).toEqual([]);
  });
});
