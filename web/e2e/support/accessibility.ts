import type { Page } from "playwright-core";

export interface AccessibilityProblem {
  rule: string;
  element: string;
  detail?: string;
}

/**
 * A small audit of what the brief promises, run in the page: every control and image is
 * named, the document has a language and one h1, and visible text meets WCAG AA contrast
 * (4.5:1, or 3:1 for large text) against the background it is painted on.
 */
export function auditAccessibility(page: Page): Promise<AccessibilityProblem[]> {
  return page.evaluate(() => {
    const problems: Array<{ rule: string; element: string; detail?: string }> = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.visibility !== "hidden" && style.display !== "none" && box.width > 0 && box.height > 0;
    };
    const named = (el: Element) =>
      Boolean(
        el.getAttribute("aria-label")?.trim() ||
          el.getAttribute("aria-labelledby") ||
          (el as HTMLInputElement).labels?.length ||
          el.getAttribute("title")?.trim(),
      );

    if (!document.documentElement.lang) problems.push({ rule: "html-lang", element: "html" });
    const h1s = document.querySelectorAll("h1");
    if (h1s.length !== 1)
      problems.push({ rule: "one-h1", element: "body", detail: `${h1s.length} h1 elements` });

    for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
      if (!named(el)) problems.push({ rule: "control-name", element: describe(el) });
    }
    for (const el of document.querySelectorAll("button, a[href]")) {
      if (!visible(el)) continue;
      if (!(el.textContent?.trim() || named(el)))
        problems.push({ rule: "button-link-name", element: describe(el) });
    }
    for (const el of document.querySelectorAll("img")) {
      if (!el.hasAttribute("alt")) problems.push({ rule: "img-alt", element: describe(el) });
    }

    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const parse = (color: string): [number, number, number, number] | null => {
      const m = color.match(/rgba?\(([^)]+)\)/);
      if (!m?.[1]) return null;
      const parts = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: [number, number, number, number]) =>
      0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const backgroundOf = (el: Element | null): [number, number, number, number] => {
      for (let node = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage && style.backgroundImage !== "none") return [-1, -1, -1, -1];
        const bg = parse(style.backgroundColor);
        if (bg && bg[3] >= 0.99) return bg;
      }
      return [255, 255, 255, 1];
    };

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent?.trim() || !visible(el)) continue;
      if (el.closest("svg, .visually-hidden, [aria-hidden=true], .recharts-wrapper")) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      const fg = parse(style.color);
      const bg = backgroundOf(el);
      if (!fg || bg[0] < 0) continue;
      if (Number(style.opacity) < 1 || (el as HTMLButtonElement).disabled) continue;
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        problems.push({
          rule: "contrast",
          element: describe(el),
          detail: `${ratio.toFixed(2)}:1 "${node.textContent.trim().slice(0, 40)}"`,
        });
      }
    }
    return problems;
  });
}
