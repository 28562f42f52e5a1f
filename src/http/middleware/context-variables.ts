/** What the middleware and routes hand each other on the request's context. */
declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `requestId()`: names the request in the logs, the header and error answers. */
    requestId: string;
    /** The notation a page was asked about, so an error page can keep it in the look-up box. */
    lookupInput: string;
  }
}
