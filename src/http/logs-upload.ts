import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { LogSource } from '../app/analyze-logs.js';
import { DomainError } from '../core/errors.js';
import { UploadTooLargeError } from './limits.js';

/** How many files one upload may carry (a zip counts as one; its entries have their own cap). */
export const MAX_UPLOAD_FILES = 20;
/** A pasted log is a form field, which busboy holds in memory: larger logs go as a file. */
export const MAX_PASTE_BYTES = 8 * 1024 * 1024;

export interface LogUpload {
  /** The files (and a paste) as streamed sources, one after the other as the body arrives. */
  sources: AsyncIterable<LogSource>;
  /** The form's other fields, complete once `sources` is read to its end. */
  fields: Map<string, string>;
}

type OpenZip = (name: string, bytes: AsyncIterable<Uint8Array>) => AsyncIterable<LogSource>;

type Item =
  | { kind: 'file'; name: string; mime: string; stream: Readable }
  | { kind: 'paste'; text: string }
  | { kind: 'end' }
  | { kind: 'error'; error: unknown };

/** The file name as shown: the last path segment a browser or client sent, at most 200 chars. */
const shownName = (name: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are what is taken out
  (name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f]/g, '') || 'upload.log').slice(0, 200);

const isZip = (name: string, mime: string): boolean =>
  /\.zip$/i.test(name) || /^application\/(x-)?zip(-compressed)?$/i.test(mime);

/** A body stream whose failure (the upload cap crossed) is passed on as it is. */
function nodeBody(request: Request): Readable | undefined {
  return request.body
    ? Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>)
    : undefined;
}

/**
 * Reads a log upload as it streams in: `multipart/form-data` (one or several `file` parts,
 * and a `text` field for a paste) parsed by busboy, or any other body as one raw log named
 * by `?name=`. Each part is handed on as it arrives; busboy waits while the analyser reads,
 * so memory holds a chunk at a time. A .zip part is read through `openZip`.
 */
export function readLogUpload(request: Request, openZip: OpenZip): LogUpload {
  const fields = new Map<string, string>();
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type))
    return { fields, sources: rawSources(request, type, openZip) };
  return { fields, sources: multipartSources(request, type, fields, openZip) };
}

async function* rawSources(request: Request, type: string, openZip: OpenZip) {
  const name = shownName(new URL(request.url).searchParams.get('name') ?? 'upload.log');
  const body = nodeBody(request);
  if (!body) throw emptyUpload();
  // The first chunk tells an empty body from a log before anything is analysed.
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  const first = await nextOrTooLarge(iterator);
  if (first.done || first.value.length === 0) throw emptyUpload();
  const chunks = (async function* () {
    yield first.value;
    for (
      let next = await nextOrTooLarge(iterator);
      !next.done;
      next = await nextOrTooLarge(iterator)
    )
      yield next.value;
  })();
  if (isZip(name, type.split(';')[0]?.trim() ?? '')) yield* openZip(name, chunks);
  else yield { name, chunks } satisfies LogSource;
}

async function nextOrTooLarge(iterator: AsyncIterator<Uint8Array>) {
  try {
    return await iterator.next();
  } catch (error) {
    throw unwrapTooLarge(error);
  }
}

/** Readable.fromWeb may wrap the stream's error; the cap's own error is what the route needs. */
function unwrapTooLarge(error: unknown): unknown {
  let e: unknown = error;
  for (let i = 0; i < 3 && e instanceof Error; i++) {
    if (e instanceof UploadTooLargeError) return e;
    e = e.cause;
  }
  return error;
}

const emptyUpload = () =>
  new DomainError(
    'log_upload_empty',
    'the upload holds no log: send one or more files (multipart/form-data, field "file"), a pasted log (field "text"), or the log itself as the body',
  );

async function* multipartSources(
  request: Request,
  type: string,
  fields: Map<string, string>,
  openZip: OpenZip,
): AsyncGenerator<LogSource> {
  const body = nodeBody(request);
  if (!body) throw emptyUpload();
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': type },
      limits: { files: MAX_UPLOAD_FILES, fields: 20, fieldSize: MAX_PASTE_BYTES, parts: 60 },
    });
  } catch (error) {
    throw new DomainError(
      'log_upload_malformed',
      `the multipart body cannot be read (${(error as Error).message}); send multipart/form-data with a boundary`,
    );
  }
  const queue: Item[] = [];
  let wake: (() => void) | undefined;
  const push = (item: Item): void => {
    queue.push(item);
    wake?.();
  };
  parser.on('file', (field, stream, info) => {
    // A form's empty file input still sends a part, with no name and no bytes.
    if (field !== 'file' || !info.filename) stream.resume();
    else push({ kind: 'file', name: shownName(info.filename), mime: info.mimeType, stream });
  });
  parser.on('field', (name, value, info) => {
    if (info.valueTruncated && name === 'text')
      push({
        kind: 'error',
        error: new DomainError(
          'log_upload_malformed',
          `a pasted log is read up to ${MAX_PASTE_BYTES / 1048576} MiB; upload a longer log as a file`,
        ),
      });
    else if (name === 'text') {
      if (value.trim() !== '') push({ kind: 'paste', text: value });
    } else fields.set(name, value);
  });
  parser.on('filesLimit', () =>
    push({
      kind: 'error',
      error: new DomainError(
        'log_upload_too_many_files',
        `at most ${MAX_UPLOAD_FILES} files are read from one upload; zip a folder of logs to send more`,
        { limit: MAX_UPLOAD_FILES },
      ),
    }),
  );
  parser.on('error', (error: Error) =>
    push({
      kind: 'error',
      error: new DomainError(
        'log_upload_malformed',
        `the multipart body cannot be read (${error.message}); send multipart/form-data as a browser form does`,
      ),
    }),
  );
  parser.on('close', () => push({ kind: 'end' }));
  // The body's own failure (the cap crossed) is the reason, whatever busboy says after it.
  let bodyError: unknown;
  body.on('error', (error) => {
    bodyError = unwrapTooLarge(error);
    push({ kind: 'error', error: bodyError });
    parser.destroy();
  });
  body.pipe(parser);

  let yielded = 0;
  try {
    for (;;) {
      const item = queue.shift();
      if (item === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if (item.kind === 'end') break;
      if (item.kind === 'error') throw item.error;
      yielded++;
      if (item.kind === 'paste') {
        yield { name: 'pasted text', chunks: textChunks(item.text) };
        continue;
      }
      const chunks = fileChunks(item.stream, () => bodyError);
      if (isZip(item.name, item.mime)) yield* openZip(item.name, chunks);
      else yield { name: item.name, chunks };
      // What the analyser left unread (it stops early on a binary file) is skipped, so
      // busboy goes on to the next part.
      item.stream.resume();
    }
  } finally {
    body.unpipe(parser);
    body.resume();
  }
  if (yielded === 0) throw emptyUpload();
}

/** A part's bytes; a part cut off (the cap, a broken body) fails the analysis, not a half log. */
async function* fileChunks(stream: Readable, bodyError: () => unknown): AsyncGenerator<Uint8Array> {
  let truncated = false;
  stream.once('limit', () => (truncated = true));
  try {
    // Not destroyed when the analyser stops early (a binary file): busboy needs the part
    // drained (resumed below) to go on to the next one.
    for await (const chunk of stream.iterator({ destroyOnReturn: false }))
      yield chunk as Uint8Array;
  } catch (error) {
    const cause = bodyError() ?? unwrapTooLarge(error);
    if (cause instanceof UploadTooLargeError || cause instanceof DomainError) throw cause;
    throw new DomainError(
      'log_upload_malformed',
      `the multipart body ended inside a file part (${(error as Error).message}); send the whole form`,
    );
  }
  if (truncated) throw new DomainError('log_upload_malformed', 'a file part was cut off');
}

// eslint-disable-next-line @typescript-eslint/require-await -- an async iterable of one chunk
async function* textChunks(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'utf8');
}
