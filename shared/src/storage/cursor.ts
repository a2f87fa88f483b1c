/** The one cursor codec lives with the ports (the use cases validate cursors with it). */
export { decodeCursor, encodeCursor } from '../application/cursor';
