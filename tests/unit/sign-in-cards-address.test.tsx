/**
 * Sign-in cards say so when the address they print works only on the server itself (the school's
 * web address starts as the address its first admin signed up at, often localhost): found by a
 * walk through the teacher's pages, where 简体中文 cards printed http://localhost:3000 silently.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SignInCards } from "~/components/teach/sign-in-cards";
import { JoinLink } from "~/components/teach/join-link";
import { MemoryRouter } from "react-router-dom";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { I18nProvider } from "~/i18n/use-t";
import { onlyOnThisComputer } from "~/utils/local-address";

const card = (site: string) => ({ displayName: "王小明", username: "wangxm", password: "green-lamp-7", site, signInUrl: `${site}/signin?username=wangxm`, qr: "<svg></svg>" });
const render = (site: string) =>
  renderToStaticMarkup(
    <I18nProvider locale="zh-Hans" messages={zhHans}>
      <SignInCards cards={[card(site)]} className="初一（3）班" />
    </I18nProvider>,
  );

describe("sign-in cards and the address they print", () => {
  it("warn, in the teacher's language, when the address works only on the server", () => {
    const html = render("http://localhost:3000");
    expect(html).toContain('data-testid="cards-local-address"');
    expect(html).toContain("只能在服务器本机上打开");
  });

  it("say nothing more for the school's real address", () => {
    expect(render("https://lantern.school.example")).not.toContain("cards-local-address");
  });

  it.each([
    ["http://localhost:3000", true],
    ["http://127.0.0.1:3000", true],
    ["http://[::1]:3000", true],
    ["http://lantern.localhost", true],
    ["http://0.0.0.0:3000", true],
    ["http://192.168.1.20:3000", false],
    ["https://lantern.school.example", false],
    ["not a url", false],
  ])("%s works only on this computer: %s", (origin, local) => {
    expect(onlyOnThisComputer(origin)).toBe(local);
  });

  // found in a 13-year-old's walk: the class page's join link and the projected QR code pointed at localhost, silently
  it("the class's join link warns the same way", () => {
    const join = (link: string) =>
      renderToStaticMarkup(
        <MemoryRouter>
          <I18nProvider locale="zh-Hans" messages={zhHans}>
            <JoinLink link={link} displayHref="/teach/classes/x/display" />
          </I18nProvider>
        </MemoryRouter>,
      );
    expect(join("http://localhost:3102/join/7NWNS6")).toContain('data-testid="join-local-address"');
    expect(join("http://localhost:3102/join/7NWNS6")).toContain("http://localhost:3102，只能在服务器本机上打开");
    expect(join("https://lantern.school.example/join/7NWNS6")).not.toContain("join-local-address");
  });
});
