import type { EncodedBody } from './encoded-body.js';

/** What the middleware and routes hand each other on the request's context. */
declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `requestId()`: names the request in the logs, the header and error answers. */
    requestId: string;
    /** A body kept with its compressed forms (the page cache): compression reuses them. */
    encodedBody: EncodedBody;
    /** The notation a page was asked about, so an error page can keep it in the look-up box. */
    lookupInput: string;
  }
}
