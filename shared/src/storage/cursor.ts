/** The one cursor codec lives in the record catalogue (the use cases validate cursors with it). */
export { decodeCursor, encodeCursor } from '../records/cursor';
