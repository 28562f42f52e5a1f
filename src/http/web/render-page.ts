import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { whileRendering } from './page-address.js';

/** A whole HTML document from a page's vnode; `path` is the answered page's (see page-address). */
export const renderPage = (page: VNode, path?: string): string =>
  whileRendering(path, () => `<!doctype html>${render(page)}`);
