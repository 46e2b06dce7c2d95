/**
 * A class's safeguarding alerts: whole on its Progress tab (where they are handled), one red line
 * on its other tabs (found in a teacher's walk: the full box repeated on every tab and pushed each
 * tab's content down), and on a student's page that student's alerts whole.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { ClassAlerts } from "~/components/teach/class-alerts";
import { en } from "~/i18n/catalog/en";
import { I18nProvider } from "~/i18n/use-t";
import type { SafeguardingAlert } from "~/models/safeguarding.server";

const CLASS = "11111111-2222-3333-4444-555555555555";
const base = `/teach/classes/${CLASS}`;

const alert = (i: number, student = `s${i}`): SafeguardingAlert => ({
  enrolled: true,
  aboutAFriend: false,
  messageId: `m${i}`,
  conversationId: `c${i}`,
  classId: CLASS,
  className: "Year 8",
  student: { id: student, displayName: `Student ${i}` },
  categories: ["suicide"],
  at: "09:00",
  href: `${base}/students/${student}#msg-m${i}`,
  events: [],
});

function render(path: string, alerts: SafeguardingAlert[], outcome: string | null = null): string {
  const element = (
    <I18nProvider locale="en" messages={en}>
      <ClassAlerts base={base} alerts={alerts} outcome={outcome} />
    </I18nProvider>
  );
  const router = createMemoryRouter([{ path: "*", element }], { initialEntries: [path] });
  return renderToStaticMarkup(<RouterProvider router={router} />);
}

const two = [alert(1), alert(2)];
const forms = (html: string) => html.match(/name="messageId"/g)?.length ?? 0;

describe("a class's safeguarding alerts", () => {
  it("are whole on the Progress tab, each with its form returning there", () => {
    for (const path of [base, `${base}/`]) {
      const html = render(path, two);
      expect(html).toContain('data-testid="safeguarding-alert"');
      expect(html).not.toContain("safeguarding-notice");
      expect(forms(html)).toBe(2);
      expect(html).toContain(`name="back" value="${base}"`);
    }
  });

  it.each(["quiz", "assignments", "playground", "roster", "settings", "import"])("are one red line on the %s tab, announced, linking to the list", (tab) => {
    const html = render(`${base}/${tab}`, two);
    expect(html).not.toContain('data-testid="safeguarding-alert"');
    expect(forms(html)).toBe(0);
    const notice = /<p class="alert error safeguarding-notice" role="alert"[^>]*>(.*?)<\/p>/.exec(html);
    expect(notice?.[1]).toContain("2 safeguarding alerts need you");
    expect(notice?.[1]).toContain(`href="${base}#safeguarding-h"`);
    expect(render(`${base}/${tab}`, [alert(1)])).toContain("1 safeguarding alert needs you");
  });

  it("show nothing on a tab when none is open, but the outcome of handling one", () => {
    expect(render(`${base}/quiz`, [])).toBe("");
    expect(render(`${base}/quiz`, [], "handled")).toContain("Marked handled.");
  });

  it("are whole on a student's page for that student, the others one line; the form returns to the student's page", () => {
    const student = "99999999-8888-7777-6666-555555555555";
    const path = `${base}/students/${student}`;
    const html = render(path, [alert(1, student), alert(2), alert(3)]);
    expect(forms(html)).toBe(1);
    expect(html).toContain(`name="back" value="${path}"`);
    expect(html).toContain("2 more safeguarding alerts in this class need you");
    // another student's page: only the line
    const other = render(`${base}/students/00000000-8888-7777-6666-555555555555`, [alert(1, student)]);
    expect(forms(other)).toBe(0);
    expect(other).toContain("1 safeguarding alert needs you");
  });
});
