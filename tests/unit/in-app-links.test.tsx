/**
 * Plain links that move inside the app (useInAppLinks): which clicks the app takes, and which it
 * leaves to the browser — a new tab, a download, another site must behave as links always do.
 */
import { describe, expect, it } from "vitest";
import { inAppDestination, isCurrentLocation } from "~/components/ui/in-app-links";

function setUp(html: string) {
  const container = document.createElement("div");
  container.innerHTML = html;
  document.body.replaceChildren(container);
  return container;
}

function click(target: Element, init: MouseEventInit = {}) {
  const event = new MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ...init });
  Object.defineProperty(event, "target", { value: target });
  return event;
}

describe("a click on a plain link inside the container", () => {
  it("moves inside the app, from the link or anything inside it, keeping query and hash", () => {
    const c = setUp(`<a href="/teach/classes/c1/students/s1?tab=quiz#answers"><span>Ada</span></a>`);
    expect(inAppDestination(click(c.querySelector("a")!), c)).toBe("/teach/classes/c1/students/s1?tab=quiz#answers");
    expect(inAppDestination(click(c.querySelector("span")!), c)).toBe("/teach/classes/c1/students/s1?tab=quiz#answers");
  });

  it.each([
    ["ctrl", { ctrlKey: true }],
    ["cmd", { metaKey: true }],
    ["shift", { shiftKey: true }],
    ["alt", { altKey: true }],
    ["middle button", { button: 1 }],
  ])("is left to the browser with %s (a new tab or window)", (_name, init) => {
    const c = setUp(`<a href="/teach/guide/tokens">Guide</a>`);
    expect(inAppDestination(click(c.querySelector("a")!, init), c)).toBeNull();
  });

  it.each([
    ["a download", `<a href="/teach/classes/c1/export/gradebook.csv" download>CSV</a>`],
    ["another target", `<a href="/teach/guide/tokens" target="_blank">Guide</a>`],
    ["another site", `<a href="https://example.org/">Elsewhere</a>`],
  ])("is left to the browser for %s", (_name, html) => {
    const c = setUp(html);
    expect(inAppDestination(click(c.querySelector("a")!), c)).toBeNull();
  });

  it("leaves a place on this same page to the browser, but not the same place on another page", () => {
    window.history.replaceState(null, "", "/learn/tokens?step=split");
    const c = setUp(`<a href="#source-2">[2]</a><a href="/learn/tokens?step=merge#source-2">[2]</a><a href="/learn/tokens?step=split">again</a>`);
    const [here, there, same] = [...c.querySelectorAll("a")];
    expect(inAppDestination(click(here!), c)).toBeNull();
    expect(inAppDestination(click(there!), c)).toBe("/learn/tokens?step=merge#source-2");
    expect(inAppDestination(click(same!), c)).toBe("/learn/tokens?step=split");
  });

  it("knows the address shown now, so following it replaces the page instead of adding it to the history", () => {
    window.history.replaceState(null, "", "/learn/tokens?step=split");
    expect(isCurrentLocation("/learn/tokens?step=split")).toBe(true);
    expect(isCurrentLocation("/learn/tokens?step=merge")).toBe(false);
    expect(isCurrentLocation("/learn/tokens")).toBe(false);
  });

  it("ignores clicks that are not on a link, and links outside the container", () => {
    const c = setUp(`<p>text</p>`);
    const outside = document.createElement("a");
    outside.href = "/teach";
    document.body.append(outside);
    expect(inAppDestination(click(c.querySelector("p")!), c)).toBeNull();
    expect(inAppDestination(click(outside), c)).toBeNull();
  });

  it("ignores a click something else already handled", () => {
    const c = setUp(`<a href="/teach">Classes</a>`);
    const event = click(c.querySelector("a")!);
    event.preventDefault();
    expect(inAppDestination(event, c)).toBeNull();
  });
});
