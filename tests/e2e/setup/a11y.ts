/**
 * Accessibility checks that run in Chromium: axe-core (WCAG 2.2 A/AA rules), visible focus,
 * reflow at 360 px and text at 200 %.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Violations of serious or critical impact, one readable line each; `alsoRules` of any impact too. */
export async function seriousViolations(page: Page, alsoRules: readonly string[] = []): Promise<string[]> {
  // Legacy mode runs axe.run() in the page itself. The default runs axe.runPartial() in every
  // frame, then opens a new tab, injects axe there again and merges the results in it: twice the
  // time per page, only to reach cross-origin frames, which a Lantern page cannot have (its CSP,
  // default-src 'self', allows frames of its own origin only, and legacy mode checks those). The
  // two modes found the same violations on every page of the manifest.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ["violations"] })
    .setLegacyMode()
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical" || alsoRules.includes(v.id))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

export interface FocusStop {
  /** A short description of the focused element. */
  element: string;
  visible: boolean;
}

/**
 * Presses Tab `count` times from the top of the page and reports, for each focused element,
 * whether focus is visibly indicated (an outline or a box-shadow ring that differs from its
 * unfocused look).
 */
export async function tabStops(page: Page, count: number): Promise<FocusStop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: FocusStop[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const focused = getComputedStyle(el);
      const ring =
        (focused.outlineStyle !== "none" && parseFloat(focused.outlineWidth) >= 1) ||
        (focused.boxShadow !== "none" && focused.boxShadow !== "");
      const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""} "${(el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 30)}"`;
      const rect = el.getBoundingClientRect();
      const onScreen = rect.width > 0 && rect.height > 0;
      return { element: label, visible: ring && onScreen };
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

/**
 * Resizes the viewport of an open page, as zooming in or turning a phone does, and waits two
 * frames: the page's resize observers (the class matrix's scroll hints) have run and what they
 * changed has been drawn before anything is measured.
 */
export async function resizeTo(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Content wider than the viewport (the page scrolls sideways). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Elements whose content is cut off (overflow hidden and content larger than the box). */
export function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const style = getComputedStyle(el);
      if (style.overflowX !== "hidden" && style.overflowY !== "hidden" && style.overflow !== "clip") continue;
      if (el.classList.contains("visually-hidden") || el.closest(".visually-hidden, .skip-link")) continue;
      // deliberate one-line truncation ("…") is a design choice at every size, not a loss from resizing
      if (style.textOverflow === "ellipsis") continue;
      if (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) {
        if ((el.textContent ?? "").trim()) found.push(`${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ""} "${(el.textContent ?? "").trim().slice(0, 30)}"`);
      }
    }
    return found.slice(0, 5);
  });
}

/** Text at 200 %: the root font size doubled, as a browser's text-only zoom does. */
export async function doubleTextSize(page: Page): Promise<void> {
  await page.addStyleTag({ content: "html { font-size: 200% !important; }" }).catch(async () => {
    // A CSP without 'unsafe-inline' styles would refuse the tag; set the property directly.
    await page.evaluate(() => document.documentElement.style.setProperty("font-size", "200%", "important"));
  });
}
