import Papa from 'papaparse';

/** Bytes → text as the server reads an upload: UTF-16 and UTF-8 by their BOM, else UTF-8 if valid, else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A Blob's bytes, read as a browser (and jsdom) reads a picked file. */
export const bytesOf = (file: Blob): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });

/**
 * The records of a CSV file, numbered as the import numbers rows (the header is row 1): for the error
 * file, which repeats each reported row as the file had it. The delimiter is found as the server finds
 * it, unless given.
 */
export async function fileRecords(
  file: Blob,
  delimiter?: ',' | ';' | '\t',
): Promise<{ header: string[]; cellsOf: (row: number) => string[] | undefined }> {
  const text = decodeCsv(await bytesOf(file));
  const records = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    ...(delimiter ? { delimiter } : {}),
  }).data;
  return { header: records[0] ?? [], cellsOf: (row) => records[row - 1] };
}

/** Saves text as a file through the browser's download. */
export function saveText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
