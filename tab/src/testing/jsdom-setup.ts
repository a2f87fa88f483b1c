import { configure } from '@testing-library/dom';

/**
 * Setup for the jsdom specs (a no-op in the node environment).
 *
 * jsdom has no layout: every element reports `offsetParent === null` and the body a 0×0 box. Fluent's
 * focus manager (tabster) reads both as "hidden", so an open modal Dialog never becomes the active
 * modal and tabster marks its own surface aria-hidden a moment later — a spec then passes or fails
 * by how fast the machine reaches its next query. Here every connected element counts as laid out
 * and the body as the size of the window, as in a browser. Only for jsdom specs.
 */
if (typeof window !== 'undefined' && typeof HTMLElement !== 'undefined') {
  // findBy*/waitFor wait for a condition; this is only how long before they give up. Fluent renders
  // a lot per keystroke in jsdom, and a 2-core machine running two suites at once is slow.
  configure({ asyncUtilTimeout: 30_000 });

  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return this.isConnected && this !== document.body ? this.parentElement : null;
    },
  });
  // jsdom has no DOMRect constructor; a plain box of the same shape does.
  HTMLBodyElement.prototype.getBoundingClientRect = function bodyBox() {
    const { innerWidth: width, innerHeight: height } = window;
    return { x: 0, y: 0, top: 0, left: 0, width, height, right: width, bottom: height, toJSON: () => ({}) };
  };
}
