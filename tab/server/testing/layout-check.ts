import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './e2e-harness';

/** Where the layout check's screenshots go: `tab/test-artifacts/layout/<name>.png` (git-ignored). */
export function layoutShot(name: string): string {
  const dir = join(ARTIFACTS_DIR, 'layout');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

// In-page code as JavaScript text: the server's TypeScript has no DOM (see first-screen.ts).
const FIND = `(() => {
  const findings = [];
  const slack = 1; // sub-pixel rounding
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth + slack)
    findings.push('page: ' + root.scrollWidth + 'px wide in a ' + window.innerWidth + 'px window');
  const squash = (text) => text.replace(/\\s+/g, ' ').trim();
  const describe = (el, text) => {
    const label = el.getAttribute('aria-label');
    return el.tagName.toLowerCase() + (label ? '[' + label + ']' : '') + ' "' + text.slice(0, 60) + '"';
  };
  const drawn = (el) => {
    if (el.closest('[data-sr-only]')) return false;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const own = squash(
      Array.from(el.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent || '')
        .join(' '),
    );
    if (!own) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'contents') continue;
    if (!drawn(el)) continue;
    if (el.scrollHeight > el.clientHeight + slack && style.overflowY !== 'auto' && style.overflowY !== 'scroll')
      findings.push(describe(el, own) + ': text ' + el.scrollHeight + 'px high in a ' + el.clientHeight + 'px box');
    if (el.scrollWidth <= el.clientWidth + slack) continue;
    const cut = style.textOverflow === 'ellipsis' && style.overflowX !== 'visible';
    const titled = el.closest('[title]');
    const whole = squash((titled && titled.getAttribute('title')) || '');
    if (cut && whole.includes(own)) continue;
    findings.push(
      describe(el, own) + ': text ' + el.scrollWidth + 'px in a ' + el.clientWidth + 'px box' +
        (cut ? ' (cut, and no title has its whole text)' : ''),
    );
  }
  const cells = 'td, th, [role="cell"], [role="gridcell"], [role="columnheader"], [role="listitem"]';
  for (const cell of document.body.querySelectorAll(cells)) {
    if (!drawn(cell) || cell.scrollWidth <= cell.clientWidth + slack) continue;
    findings.push(
      describe(cell, squash(cell.textContent || '')) + ': content ' + cell.scrollWidth + 'px in a ' +
        cell.clientWidth + 'px cell',
    );
  }
  // A table cell's text is one line (a long value is cut with an ellipsis): text wrapped onto a
  // second line is squeezed into a row a line high, or makes one row taller than the rest.
  const lines = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const tops = [];
    for (const rect of range.getClientRects())
      if (rect.width > 1 && !tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
    return tops.length;
  };
  for (const cell of document.body.querySelectorAll('td, [role="cell"], [role="gridcell"]')) {
    if (!drawn(cell) || cell.closest('[data-multiline]')) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = squash(node.textContent || '');
      if (!text || !drawn(node.parentElement)) continue;
      const count = lines(node);
      if (count > 1) {
        findings.push(describe(cell, squash(cell.textContent || '')) + ': "' + text.slice(0, 40) + '" on ' + count + ' lines');
        break;
      }
    }
  }
  // Text of one cell drawn over text of another in the same row (a value shifted onto its neighbour).
  const rows = 'tr, [role="row"], [role="listitem"]';
  const cellOf = (node, row) => {
    let el = node.parentElement;
    while (el && el !== row && el.parentElement !== row && !el.matches(cells)) el = el.parentElement;
    return el;
  };
  // What of a text box is seen: cut by every ancestor that clips its overflow (an ellipsis cell).
  const seen = (box, el) => {
    let { left, right, top, bottom } = box;
    for (; el && el !== document.body; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = el.getBoundingClientRect();
      left = Math.max(left, clip.left);
      right = Math.min(right, clip.right);
      top = Math.max(top, clip.top);
      bottom = Math.min(bottom, clip.bottom);
    }
    return { left, right, top, bottom };
  };
  for (const row of document.body.querySelectorAll(rows)) {
    if (!drawn(row)) continue;
    const texts = [];
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = squash(node.textContent || '');
      if (!text || !drawn(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        const box = seen(rect, node.parentElement);
        if (box.right - box.left > 1 && box.bottom - box.top > 1) texts.push({ text, box, cell: cellOf(node, row) });
      }
    }
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i], b = texts[j];
        if (a.cell === b.cell) continue;
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > slack && y > slack)
          findings.push('row: "' + a.text.slice(0, 40) + '" drawn over "' + b.text.slice(0, 40) + '"');
      }
  }
  // Nothing fixed is drawn past the window's right edge, where no scroll reaches it (a bar at the
  // window's foot): the page-width check misses it, since a fixed box does not widen the page.
  const fixed = (el) => {
    for (; el && el !== document.body; el = el.parentElement)
      if (getComputedStyle(el).position === 'fixed') return true;
    return false;
  };
  const past = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right <= window.innerWidth + slack || !drawn(el)) continue;
    if (past.some((outer) => outer.contains(el)) || !fixed(el)) continue;
    const visible = seen(box, el.parentElement);
    if (visible.right > window.innerWidth + slack && visible.right - visible.left > 1 && visible.bottom - visible.top > 1)
      past.push(el);
  }
  for (const el of past)
    findings.push(
      describe(el, squash(el.textContent || '')) + ': drawn to ' + Math.round(el.getBoundingClientRect().right) +
        'px, past the ' + window.innerWidth + 'px window',
    );
  return findings;
})()`;

/**
 * What the page draws where it should not, as a user would see it, one line per finding:
 * - the page wider than the window (a sideways scroll of the whole page);
 * - a cell (table cell or header, list card) whose content is wider than the cell;
 * - any text wider than its box, unless it is cut with an ellipsis and its whole text is in a
 *   `title` (its own or an ancestor's), which is how lists show long values;
 * - any text taller than its box (wrapped out of a fixed-height pill or button);
 * - text of one cell drawn over the text of another cell in the same row (table row, list card);
 * - a table cell's text wrapped onto a second line (a cell's value is one line, cut with an
 *   ellipsis; a cell meant to hold several lines says so with `data-multiline`);
 * - anything drawn past the window's right edge where no scroll reaches it (a fixed bar: it does
 *   not widen the page, so the page-width check misses it).
 * Text visually hidden for screen readers (`data-sr-only`, a 1 px box) is not drawn, so skipped.
 * Inline elements have no box of their own: their block ancestor is measured.
 */
export const layoutFindings = (page: Page): Promise<string[]> => page.evaluate(FIND) as Promise<string[]>;
