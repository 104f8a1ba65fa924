import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The offline list of common and breached passwords: the ~49,000 most frequent passwords of public
 * breach corpora as ranked by zxcvbn-ts (`passwords-common`), lower-cased. Only entries of 8 or more
 * characters matter since shorter ones fail the length rule first.
 */
let list: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  list ??= new Set(dictionary['passwords-common'].filter((entry) => entry.length >= 8).map((entry) => entry.toLowerCase()));
  return list.has(password.toLowerCase());
}
