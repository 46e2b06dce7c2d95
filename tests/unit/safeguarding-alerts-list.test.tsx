/**
 * The red safeguarding list at the top of /teach, a class page and /admin shows its first alerts
 * whole and the rest one click away: a walk through a busy school found 55 open, and /teach was
 * 19,500 px tall before its classes.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { SafeguardingAlerts } from "~/components/teach/safeguarding-alerts";
import { en } from "~/i18n/catalog/en";
import { listOf } from "~/i18n/list";
import { I18nProvider } from "~/i18n/use-t";
import type { SafeguardingAlert } from "~/models/safeguarding.server";

const alert = (i: number): SafeguardingAlert => ({
  enrolled: true,
  aboutAFriend: false,
  messageId: `m${i}`,
  conversationId: `c${i}`,
  classId: "k",
  className: "Year 8",
  student: { id: `s${i}`, displayName: `Student ${i}` },
  categories: ["suicide"],
  at: "09:00",
  href: `/teach/classes/k/students/s${i}#m${i}`,
  events: [],
});

function render(n: number, changed: Partial<SafeguardingAlert> = {}): string {
  const element = (
    <I18nProvider locale="en" messages={en}>
      <SafeguardingAlerts alerts={Array.from({ length: n }, (_, i) => ({ ...alert(i + 1), ...changed }))} back="/teach" outcome={null} />
    </I18nProvider>
  );
  const router = createMemoryRouter([{ path: "/", element }], { initialEntries: ["/"] });
  return renderToStaticMarkup(<RouterProvider router={router} />);
}

describe("the safeguarding list", () => {
  it("shows three alerts whole and the rest behind 'Show more', each with its own form", () => {
    const html = render(7);
    const [whole, more] = html.split("<details class=\"safeguarding-more\">");
    expect(whole!.match(/class="safeguarding-item"/g)).toHaveLength(3);
    expect(more).toContain("Show 4 more alerts");
    expect(more!.match(/class="safeguarding-item"/g)).toHaveLength(4);
    expect(html.match(/name="messageId"/g)).toHaveLength(7);
  });

  it("names not eating last in its lead, so its two readings are not read as three (a walk, 7 December)", () => {
    const element = (
      <I18nProvider locale="en" messages={en}>
        <SafeguardingAlerts
          alerts={[{ ...alert(1), categories: ["not_eating"] }, { ...alert(2), categories: ["self_harm"] }, { ...alert(3), categories: ["suicide"] }]}
          back="/teach"
          outcome={null}
        />
      </I18nProvider>
    );
    const router = createMemoryRouter([{ path: "/", element }], { initialEntries: ["/"] });
    const html = renderToStaticMarkup(<RouterProvider router={router} />);
    // the lead as the teacher reads it: the categories in the order the alerts named them, but not eating last
    const categories = listOf([en["safeguarding.category.self_harm"], en["safeguarding.category.suicide"], en["safeguarding.category.not_eating"]], "en");
    const text = html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#x27;/g, "'");
    expect(text).toContain(en["safeguarding.alert.lead"].replace("{categories}", categories));
  });

  it("has nothing to fold with three or fewer", () => {
    expect(render(3)).not.toContain("safeguarding-more");
  });

  it("says when the message was about someone the student knows (the one at risk may not be in the class)", () => {
    expect(render(1, { aboutAFriend: true })).toContain(en["safeguarding.alert.aboutAFriend"]);
    expect(render(1)).not.toContain(en["safeguarding.alert.aboutAFriend"]);
  });
});

describe("an alert's history", () => {
  it("says why no e-mail went out, in the reader's words, for each reason", () => {
    const html = render(1, {
      events: [
        { action: "raised", actor: null, note: null, at: "09:00" },
        { action: "not_emailed", actor: null, note: "off", at: "09:00" },
        { action: "not_emailed", actor: null, note: "quiet", at: "09:05" },
        { action: "not_emailed", actor: null, note: "no_address", at: "09:10" },
      ],
    });
    for (const reason of ["off", "quiet", "no_address"] as const) {
      expect(html).toContain(en[`safeguarding.event.not_emailed.${reason}`].replace(/'/g, "&#x27;"));
    }
    expect(html).not.toContain("safeguarding.event.not_emailed");
  });
});
