import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '@portal/common';

const MESSAGES = fileURLToPath(new URL('../../messages', import.meta.url));
const SETTINGS = fileURLToPath(new URL('../../project.inlang/settings.json', import.meta.url));

/** Every folder holding one message file per locale (messages/ itself and its areas). */
function messageFolders(dir = MESSAGES): string[] {
  const below = readdirSync(dir).map((name) => join(dir, name)).filter((path) => statSync(path).isDirectory());
  return [dir, ...below.flatMap((sub) => messageFolders(sub))];
}

/** A message with variants (plurals: `[{ declarations, selectors, match }]`) becomes its variants' texts, one a line. */
type Message = string | { match: Record<string, string> }[];

function messages(folder: string, locale: string): Record<string, string> {
  const { $schema: _schema, ...entries } = JSON.parse(readFileSync(join(folder, `${locale}.json`), 'utf8')) as Record<string, Message>;
  return Object.fromEntries(Object.entries(entries).map(([key, message]) => [key, typeof message === 'string' ? message : message.flatMap((entry) => Object.values(entry.match)).join('\n')]));
}

/** The `{name}` placeholders of a message, each once, sorted, so both locales can be compared. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

const folders = messageFolders();

describe('the portal messages', () => {
  test.each(folders.map((folder) => [relative(MESSAGES, folder) || '.', folder]))('%s: every key exists in every locale, with the same placeholders', (_name, folder) => {
    const [base, ...others] = LANGUAGES.map((locale) => messages(folder, locale));
    for (const other of others) {
      expect(Object.keys(other!).sort()).toEqual(Object.keys(base!).sort());
      for (const [key, text] of Object.entries(base!)) {
        expect(text.trim(), key).not.toBe('');
        expect(other![key]!.trim(), key).not.toBe('');
        expect(placeholders(other![key]!), key).toEqual(placeholders(text));
      }
    }
  });

  test('no key is defined in two files (the compiler would keep only one)', () => {
    const seen = new Map<string, string>();
    for (const folder of folders) {
      for (const key of Object.keys(messages(folder, 'en-US'))) {
        expect(seen.get(key), `${key} in ${folder}`).toBeUndefined();
        seen.set(key, folder);
      }
    }
  });

  test('every message folder is one the project compiles, and every locale a portal language', () => {
    const settings = JSON.parse(readFileSync(SETTINGS, 'utf8')) as { locales: string[]; 'plugin.inlang.messageFormat': { pathPattern: string[] } };
    expect(settings.locales).toEqual([...LANGUAGES]);
    const compiled = settings['plugin.inlang.messageFormat'].pathPattern.map((pattern) => pattern.replace('/{locale}.json', '').replace(/^\.\/messages\/?/, ''));
    for (const folder of folders) expect(compiled).toContain(relative(MESSAGES, folder));
  });
});
