/**
 * The acknowledgement note written on a ticket when an engineer marks a role notified (issue 8),
 * and its parser. The helpdesk is the team's shared record, so the note must read well to people
 * and parse back exactly:
 *
 *   [Escalation Watch] Notified Sales Rep (Jane Doe) by email at 2026-07-14 10:05 UTC — level 2 (role: sales-rep)
 *
 * Everything a person typed (names, channel) sits before " at <time> UTC"; the machine part
 * (time, level, role id) is the fixed tail of the line, so odd names cannot confuse the parser.
 */

export const ACK_NOTE_MARKER = '[Escalation Watch] Notified';

export interface AckNote {
  roleName: string;
  roleId: string;
  /** Who was told, e.g. "Jane Doe". */
  person?: string;
  /** How, e.g. "email", "phone". */
  channel?: string;
  at: Date;
  level: number;
}

export interface ParsedAckNote {
  roleId: string;
  at: Date;
  level: number;
}

const ROLE_ID = /^[a-z0-9][a-z0-9_-]*$/i;

export function formatAckNote(note: AckNote): string {
  if (!ROLE_ID.test(note.roleId)) throw new Error(`ack note: role id "${note.roleId}" is not a plain identifier`);
  if (!Number.isInteger(note.level) || note.level < 1) throw new Error(`ack note: level ${note.level} is not a level`);
  if (Number.isNaN(note.at.getTime())) throw new Error('ack note: the time is not a valid date');
  const roleName = freeText(note.roleName) || note.roleId;
  const person = note.person ? freeText(note.person) : '';
  const channel = note.channel ? freeText(note.channel) : '';
  return [
    `${ACK_NOTE_MARKER} ${roleName}`,
    person ? ` (${person})` : '',
    channel ? ` by ${channel}` : '',
    ` at ${formatUtcMinute(note.at)} UTC — level ${note.level} (role: ${note.roleId})`,
  ].join('');
}

/**
 * The first well-formed acknowledgement in a comment, or null. `text` may be plain text, HTML
 * (Zendesk html_body) or text extracted from Jira ADF; Markdown escapes of the brackets are
 * tolerated. With `policyRoles`, a role the policy does not know is rejected.
 */
export function parseAckNote(text: string, policyRoles?: readonly string[]): ParsedAckNote | null {
  // The marker is looked for in the text as it came, before any markup is stripped: a comment
  // without it (nearly all of them, whatever their size) costs one linear search.
  if (!MARKER_ANYWHERE.test(text)) return null;
  for (const line of plainLines(text)) {
    const start = line.indexOf(ACK_NOTE_MARKER);
    if (start < 0) continue;
    const parsed = parseMarkerLine(line.slice(start), policyRoles);
    if (parsed) return parsed;
  }
  return null;
}

/** "Escalation Watch" as it may appear in plain text, HTML (&nbsp;) or Markdown-escaped text. */
const MARKER_ANYWHERE = /Escalation(?:\s|&nbsp;|&#160;|&#xa0;)+Watch/i;

// Greedy `.+` so the tail is matched at the last " at ", whatever the names contain.
const TAIL =
  /^\[Escalation Watch\] Notified .+ at (\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) UTC\s*(?:—|–|-{1,2})\s*level (\d{1,2}) \(role: ([A-Za-z0-9][A-Za-z0-9_-]*)\)\s*$/;

/** Lines holding the marker that are looked at; a note is one line, so more are noise. */
const MAX_MARKER_LINES = 20;

/** A longer line cannot be a note (the note is one short line); it is not matched at all. */
const MAX_NOTE_LINE = 2000;

function parseMarkerLine(line: string, policyRoles?: readonly string[]): ParsedAckNote | null {
  if (line.length > MAX_NOTE_LINE) return null;
  const match = TAIL.exec(line);
  if (!match) return null;
  const [, year, month, day, hour, minute, level, roleId] = match;
  if (!year || !month || !day || !hour || !minute || !level || !roleId) return null;
  const at = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute));
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip is malformed.
  if (formatUtcMinute(at) !== `${year}-${month}-${day} ${hour}:${minute}`) return null;
  if (+level < 1) return null;
  if (policyRoles && !policyRoles.includes(roleId)) return null;
  return { roleId, at, level: +level };
}

const BLOCK_END = /^<\s*(br|\/p|\/div|\/li|\/h\d)\b/i;
/** What may follow '<' in a tag (HTML: a letter, '/', '!' or '?'); "a < b" is text. */
const TAG_START = /^[A-Za-z/!?]$/;

/**
 * Markup out, one pass: a tag — '<' then a letter, '/', '!' or '?', up to the next '>' on the
 * same line — is dropped, a line-ending tag becomes a line break; any other '<' is text, so a
 * note between "latency < 5 s" and "load > 80 %" survives. Linear in the text's length: the
 * next '>' and the next line break are searched for only when passed (a tag regex over the whole
 * text is quadratic on a comment of many '<').
 */
export function stripMarkup(text: string): string {
  const out: string[] = [];
  let at = 0;
  let nextClose = -2;
  let nextBreak = -2;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open < 0) break;
    if (nextClose !== -1 && nextClose <= open) nextClose = text.indexOf('>', open + 1);
    if (nextClose < 0) break; // no tag can end: the rest is text
    if (nextBreak !== -1 && nextBreak <= open) nextBreak = text.indexOf('\n', open + 1);
    const isTag = TAG_START.test(text.charAt(open + 1)) && (nextBreak < 0 || nextBreak > nextClose);
    if (!isTag) {
      out.push(text.slice(at, open + 1));
      at = open + 1;
      continue;
    }
    out.push(text.slice(at, open));
    if (BLOCK_END.test(text.slice(open, Math.min(nextClose + 1, open + 8)))) out.push('\n');
    at = nextClose + 1;
  }
  out.push(text.slice(at));
  return out.join('');
}

/**
 * The lines that may hold a note, as plain text: markup stripped, then, per line holding the
 * marker, only a short stretch from the marker on is decoded and tidied (entities, Markdown
 * escapes, runs of spaces) — a huge line costs one search, not a rewrite.
 */
function plainLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of stripMarkup(text).split(/\r?\n/)) {
    const found = MARKER_ANYWHERE.exec(raw);
    if (!found) continue;
    if (lines.length === MAX_MARKER_LINES) break;
    // A few characters before the marker may be its escaped bracket (\[ or &#91;).
    const stretch = raw.slice(Math.max(0, found.index - 8), found.index + MAX_NOTE_LINE);
    lines.push(
      decodeEntities(stretch)
        .replace(/\\([[\]()_-])/g, '$1') // Markdown escapes: \[Escalation Watch\]
        .replace(/[\s\u00a0]+/g, ' ')
        .trim(),
    );
  }
  return lines;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{1,10});/gi, (entity, name: string) => {
    if (!name.startsWith('#')) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** Names come from people: keep them on one line and out of the machine-readable tail's way. */
function freeText(value: string): string {
  return value
    .replace(/\p{Cc}+/gu, ' ')
    // Angle brackets would read as tags once the helpdesk renders the note as HTML.
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function formatUtcMinute(at: Date): string {
  const iso = at.toISOString(); // 2026-07-14T10:05:00.000Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
