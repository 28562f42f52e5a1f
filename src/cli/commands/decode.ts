import { lookupCode } from '../../app/lookup-code.js';
import { EXIT } from '../cli-io.js';
import { defineCommand } from '../command-spec.js';
import { formatDecode } from '../format-decode.js';
import { printNotationError } from '../print-notation-error.js';
import { cliConfig } from '../with-deps.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

/** `erratlas decode 0x80070005`: the bit fields of every reading; exit 1 when none is known. */
export const decodeCommand = defineCommand({
  name: 'decode',
  summary: COMMAND_SUMMARIES.decode,
  arguments: '<code>',
  count: {
    min: 1,
    max: Number.POSITIVE_INFINITY,
    what: 'a code (0x80070005, -2147024891, a name…)',
  },
  options: {
    json: {
      type: 'boolean',
      description: 'print the readings with their names and decode as JSON',
    },
  },
  async run({ values, positionals }, context) {
    // From the bundled tables alone: a decode shows no article, so whatever DATABASE_URL
    // says is neither opened nor checked.
    const opened = await context.wiring.openReadOnlyDeps(cliConfig(context, 'sqlite::memory:'), {
      articles: false,
    });
    try {
      const lookup = await lookupCode(opened.deps, positionals.join(' ').trim());
      if (values.json) {
        const readings = lookup.readings.map(({ code, value, names, decode }) => ({
          code,
          value,
          names,
          decode,
        }));
        context.print.json({ input: lookup.input, readings });
      } else {
        context.print.out(
          ...lookup.readings.flatMap((reading, i) => [
            ...(i > 0 ? [''] : []),
            ...formatDecode(reading),
          ]),
        );
      }
      return lookup.known ? EXIT.answered : EXIT.nothingKnown;
    } catch (error) {
      return printNotationError(context.print, 'decode', error, values.json === true);
    } finally {
      await opened.close();
    }
  },
});
