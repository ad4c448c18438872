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
  for (const line of plainLines(text)) {
    const start = line.indexOf(ACK_NOTE_MARKER);
    if (start < 0) continue;
    const parsed = parseMarkerLine(line.slice(start), policyRoles);
    if (parsed) return parsed;
  }
  return null;
}

// Greedy `.+` so the tail is matched at the last " at ", whatever the names contain.
const TAIL =
  /^\[Escalation Watch\] Notified .+ at (\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) UTC\s*(?:—|–|-{1,2})\s*level (\d{1,2}) \(role: ([A-Za-z0-9][A-Za-z0-9_-]*)\)\s*$/;

function parseMarkerLine(line: string, policyRoles?: readonly string[]): ParsedAckNote | null {
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

function plainLines(text: string): string[] {
  const withBreaks = text.replace(/<\s*(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, '\n');
  const noTags = withBreaks.replace(/<[^>]*>/g, '');
  return decodeEntities(noTags)
    .replace(/\\([[\]()_-])/g, '$1') // Markdown escapes: \[Escalation Watch\]
    .split(/\r?\n/)
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim());
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
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (entity, name: string) => {
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
