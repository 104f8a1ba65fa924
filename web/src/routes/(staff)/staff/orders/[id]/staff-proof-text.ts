/** The staff order page's proof words, in one place so a translation can replace them whole. */
export const STAFF_PROOF_TEXT = {
  upload: 'Upload a proof file',
  noteLabel: 'Note to the customer',
  publish: (version: number) => `Publish as version ${version}`,
  publishing: 'Publishing…',
  pages: (n: number) => (n === 1 ? '1 page' : `${n} pages`),
  unscanned: 'Not virus-scanned (no scanner is running): a proof can be published only from a clean file.',
  locked: 'Locked: the decision stands.',
} as const;
