import type { evidenceTypes } from '@baken/contracts';

type EvidenceType = (typeof evidenceTypes)[number];

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** An Office Open XML package: a zip whose parts include the content types and the given folder. */
const ooxml = (folder: string) => (b: Buffer) =>
  startsWith(b, ZIP) && b.includes('[Content_Types].xml') && b.includes(folder);
/** An OpenDocument package: a zip whose first, uncompressed entry `mimetype` names the type. */
const odf = (mime: string) => (b: Buffer) =>
  startsWith(b, ZIP) &&
  b.subarray(30, 38).toString('latin1') === 'mimetype' &&
  b.subarray(38, 38 + mime.length).toString('latin1') === mime;

function isText(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** What the content of each allowed type looks like: the declared type must match the bytes. */
const signatures: Record<EvidenceType, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'text/plain': isText,
  'text/csv': isText,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ooxml('word/'),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ooxml('xl/'),
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ooxml('ppt/'),
  'application/vnd.oasis.opendocument.text': odf('application/vnd.oasis.opendocument.text'),
  'application/vnd.oasis.opendocument.spreadsheet': odf('application/vnd.oasis.opendocument.spreadsheet'),
};

/**
 * Types browsers declare for an allowed type: Windows names a .csv file after the program that
 * opens it (application/vnd.ms-excel). The bytes still decide: a real .xls is not text.
 */
const aliases: Record<string, EvidenceType> = {
  'application/vnd.ms-excel': 'text/csv',
  'application/csv': 'text/csv',
  'text/comma-separated-values': 'text/csv',
};

/** The allowed type a file is, judged by its declared type and its bytes; null when it is neither. */
export function evidenceType(declared: string | undefined, content: Buffer): EvidenceType | null {
  const given = (declared ?? '').split(';')[0].trim().toLowerCase();
  const type = (aliases[given] ?? given) as EvidenceType;
  if (content.length === 0 || !(type in signatures)) return null;
  return signatures[type](content) ? type : null;
}

/** A file name safe to store and to send back: no path, no control characters, at most 200 characters. */
export function safeFileName(raw: string | undefined): string | null {
  if (!raw) return null;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const last = name.split(/[\\/]/).pop() ?? '';
  // No control characters and no quotes: the name goes back out in a header.
  name = [...last]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim();
  return name.length > 0 ? name.slice(0, 200) : null;
}
