/** The one place that knows how pages and API resources are addressed. */
export const articlePath = (product: string, code: string): string => `/${product}/${code}`;
export const articleApiPath = (product: string, code: string): string =>
  `/api/v1/articles/${product}/${code}`;
export const codePath = (code: string): string => `/codes/${encodeURIComponent(code)}`;
export const familyPath = (id: string): string => `/families/${id}`;
export const familyApiPath = (id: string): string => `/api/v1/families/${id}`;
