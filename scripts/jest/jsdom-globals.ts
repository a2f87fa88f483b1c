import { TextDecoder, TextEncoder } from 'node:util';

/**
 * Browsers have TextEncoder and TextDecoder; Jest's jsdom environment does not (a no-op in the node
 * environment, which has them). The fake API's list cursors (shared/src/records/cursor.ts) use them.
 */
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });
