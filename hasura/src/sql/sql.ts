import { quoteIdentifier } from '@portal/common/postgres';

/**
 * SQL built only from literal template text, identifiers and bound values. A plain string can
 * never become SQL text: interpolating anything but another `SQL` into the template is a type
 * error, and values go through `sql.value` as parameters.
 */
type Part = { text: string } | { value: unknown } | { ident: string };

export class SQL {
  private constructor(readonly parts: readonly Part[]) {}

  static of(parts: readonly Part[]): SQL {
    return new SQL(parts);
  }
}

export interface CompiledSQL {
  text: string;
  values: unknown[];
}

// A loop, not push(...parts): a wide selection has more parts than a call may take arguments.
function append(parts: Part[], more: readonly Part[]): void {
  for (const part of more) parts.push(part);
}

function sqlTemplate(strings: TemplateStringsArray, ...fragments: SQL[]): SQL {
  const parts: Part[] = [];
  strings.forEach((text, i) => {
    parts.push({ text });
    const fragment = fragments[i];
    if (i < fragments.length) {
      if (!(fragment instanceof SQL)) throw new TypeError('only SQL fragments can be interpolated into sql``');
      append(parts, fragment.parts);
    }
  });
  return SQL.of(parts);
}

/** A bound parameter. */
function value(v: unknown): SQL {
  return SQL.of([{ value: v }]);
}

/** A (possibly qualified) identifier, each part quoted. */
function ident(...names: string[]): SQL {
  const parts: Part[] = [];
  names.forEach((name, i) => {
    if (i > 0) parts.push({ text: '.' });
    parts.push({ ident: name });
  });
  return SQL.of(parts);
}

function join(fragments: readonly SQL[], separator: string): SQL {
  const parts: Part[] = [];
  fragments.forEach((fragment, i) => {
    if (i > 0) parts.push({ text: separator });
    append(parts, fragment.parts);
  });
  return SQL.of(parts);
}

/** Text known at build time (JSON keys of built objects), bound as a parameter typed `text`. */
function literal(text: string): SQL {
  return SQL.of([{ value: text }, { text: '::text' }]);
}

export const sql = Object.assign(sqlTemplate, {
  value,
  ident,
  join,
  literal,
  empty: SQL.of([]),
  true: SQL.of([{ text: 'true' }]),
  false: SQL.of([{ text: 'false' }]),
});

/** The fragment with each bound value that `replace` maps to SQL swapped for that SQL; other parts unchanged. */
export function mapValues(fragment: SQL, replace: (value: unknown) => SQL | undefined): SQL {
  return SQL.of(fragment.parts.flatMap((part) => ('value' in part ? (replace(part.value)?.parts ?? [part]) : [part])));
}

/** Turns SQL into text with `$n` placeholders, numbering after `firstParam - 1` existing ones. */
export function compileSQL(fragment: SQL, firstParam = 1): CompiledSQL {
  const values: unknown[] = [];
  let text = '';
  for (const part of fragment.parts) {
    if ('text' in part) text += part.text;
    else if ('ident' in part) text += quoteIdentifier(part.ident);
    else {
      values.push(part.value);
      text += `$${firstParam + values.length - 1}`;
    }
  }
  return { text, values };
}
