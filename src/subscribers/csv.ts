/**
 * CSV (RFC 4180): quoted fields may hold commas, quotes ("") and line breaks. Pure functions;
 * `lines[i]` is the 1-based line where record i starts, for error messages.
 */
export type CsvResult = { ok: true; rows: string[][]; lines: number[] } | { ok: false; error: string; line: number };

export function parseCsv(text: string): CsvResult {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (fieldStarted && field !== '') return { ok: false, error: 'a quote inside an unquoted field (quote the whole field and double inner quotes)', line };
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      lines.push(rowLine);
      row = [];
      field = '';
      fieldStarted = false;
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) return { ok: false, error: 'a quoted field is never closed', line: rowLine };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
    lines.push(rowLine);
  }
  return { ok: true, rows, lines };
}

/**
 * One CSV line. Fields that a spreadsheet would run as a formula (= + - @ at the start) are
 * prefixed with a quote character, so an exported address cannot execute anything.
 */
export function toCsvRow(fields: string[]): string {
  return `${fields
    .map((f) => {
      const safe = /^[=+\-@\t\r]/.test(f) ? `'${f}` : f;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',')}\r\n`;
}
