/**
 * Text of an export file whatever SAP GUI wrote it in: SE16 and the ALV lists save UTF-8,
 * UTF-16 (little or big endian, with or without byte-order mark) or the Windows code page of
 * the front end (1252 in Western Europe). Detected from the bytes, never from the file name.
 */

/** The encodings an export can come in. */
export type ExportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedExport {
  text: string;
  encoding: ExportEncoding;
  /** True when the file started with a byte-order mark (it is not part of `text`). */
  bom: boolean;
}

/**
 * Decodes an export. Order: a byte-order mark decides; else a UTF-16 pattern (every other byte
 * zero, as in ASCII text written as UTF-16); else strict UTF-8; else Windows-1252, which maps
 * every byte to a character (so a file is never refused for its encoding, and `ä` saved by a
 * German front end reads as `ä`).
 */
export function decodeExport(bytes: Uint8Array): DecodedExport {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
  }
}

/**
 * UTF-16 without a byte-order mark: export text is mostly ASCII, so one byte of nearly every
 * pair is zero. Text in a single-byte encoding or UTF-8 has no zero bytes at all.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be';
  return undefined;
}
