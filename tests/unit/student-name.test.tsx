/** Two students of one name: each shows their username beside it; a unique name shows alone. */
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StudentName } from "~/components/teach/student-name";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { I18nProvider } from "~/i18n/use-t";
import { sharedNameKeys } from "~/utils/name-key";

const roster = [
  { displayName: "Ada Lovelace", username: "ada.lovelace" },
  { displayName: "ada  lovelace", username: "ada.lovelace2" },
  { displayName: "陈静", username: "chenjing" },
  { displayName: "Grace", username: "grace" },
];

describe("names two students share", () => {
  it("are found whatever the case and spacing", () => {
    expect(sharedNameKeys(roster)).toEqual(["ada lovelace"]);
  });

  it("show the username beside the name, and only then", () => {
    const shared = sharedNameKeys(roster);
    render(
      <I18nProvider locale="en" messages={en}>
        <ul>
          {roster.map((s) => (
            <li key={s.username} data-testid={s.username}>
              <StudentName student={s} shared={shared} />
            </li>
          ))}
        </ul>
      </I18nProvider>,
    );
    expect(screen.getByTestId("ada.lovelace").textContent).toBe("Ada Lovelace (ada.lovelace)");
    expect(screen.getByTestId("ada.lovelace2").textContent).toBe("ada  lovelace (ada.lovelace2)");
    expect(screen.getByTestId("chenjing").textContent).toBe("陈静");
    expect(screen.getByTestId("grace").textContent).toBe("Grace");
  });

  it("in Chinese, with the reader's brackets", () => {
    render(
      <I18nProvider locale="zh-Hans" messages={zhHans}>
        <p data-testid="name">
          <StudentName student={roster[0]!} shared={sharedNameKeys(roster)} />
        </p>
      </I18nProvider>,
    );
    expect(screen.getByTestId("name").textContent).toBe("Ada Lovelace（ada.lovelace）");
  });
});
