/**
 * Each command's one-line summary, apart from its module: the top-level help lists them all
 * without loading any command (run-cli.ts imports a command only to run it or show its help).
 */
export const COMMAND_SUMMARIES = {
  lookup: 'what a code is: every reading, its names, decode, family and articles',
  decode: 'the bit fields of a code: S R C N X, facility, code, and what is inside it',
  serve: 'the web pages and the JSON API',
  import: 'Markdown articles, procedures or scraped page text into the database',
  export: 'every stored article and procedure as Markdown files in a folder',
  lint: 'check articles against the content standard (exit 1 when a problem is found)',
  logs: 'diagnose WindowsUpdate, CBS, DISM and setup logs (exit 1 when a failure is found, 0 when none)',
  fix: 'walk the fixes of a code one at a time (menus on a terminal, numbered prompts from a pipe)',
  diagnose: 'print the read-only diagnostic script (--script), or read the report it wrote',
  search: 'find codes and articles by words, a message, or a code inside a sentence',
} as const;
