/**
 * A cell as spreadsheets read it safely: quoted when it holds a separator, a quote or a line
 * break, and prefixed with an apostrophe when it starts like a formula (=, +, -, @, tab, CR), so
 * a comment such as "=HYPERLINK(…)" stays text when the file is opened.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV (RFC 4180, CRLF line ends), the header first. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
