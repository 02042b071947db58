// Request bodies may carry OData annotations (`@odata.type`, `Col@odata.type`); they describe
// the payload rather than set a property, so they are removed before a body is validated.

export function isAnnotation(key: string): boolean {
  return key.startsWith('@') || key.includes('@odata.');
}

/** A shallow copy of a JSON object without its annotations; other values are returned as is. */
export function stripAnnotations(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !isAnnotation(key)));
}
