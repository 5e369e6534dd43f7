// Turns a request's body, header parameters and cookies into what fetch sends.

/** What fetch gets for a body: the body itself, the content-type to send (none for multipart), and `duplex`. */
export interface EncodedBody {
  body: BodyInit;
  /** Absent for multipart/form-data: fetch writes the header itself, with the boundary. */
  contentType?: string;
  /** A stream body can be sent once only, and Node's fetch needs `duplex: 'half'` for it. */
  stream?: boolean;
}

const isJson = (type: string) =>
  type === 'application/json' || /^application\/[^;]*\+json\b/.test(type) || type.startsWith('application/json;');

/** A form value as text: objects (but not Blobs) as JSON text, everything else as a string. */
const text = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** Encodes `body` as the media type `contentType` says (JSON, form, multipart, text, else binary). */
export function encodeBody(body: unknown, contentType: string): EncodedBody {
  const type = contentType.toLowerCase();
  if (isJson(type)) {
    return { body: JSON.stringify(body), contentType };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(body as object)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined) {
          form.append(name, text(item));
        }
      }
    }
    return { body: form, contentType };
  }
  if (type.startsWith('multipart/form-data')) {
    const form = new FormData();
    for (const [name, value] of Object.entries(body as object)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item === undefined) {
          continue;
        }
        // A File keeps its own name; FormData names other Blobs 'blob'.
        if (item instanceof Blob) {
          form.append(name, item);
        } else {
          form.append(name, text(item));
        }
      }
    }
    return { body: form };
  }
  if (type.startsWith('text/')) {
    return { body: String(body), contentType };
  }
  // Anything else is binary and goes as it is.
  const stream = typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
  return { body: body as BodyInit, contentType, stream };
}

/** Header parameters as headers: undefined skipped, arrays joined with ', '. Names lower-cased. */
export function headerParams(into: Record<string, string>, params: object | undefined): Record<string, string> {
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined) {
      into[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  return into;
}

/** Cookie parameters as one `Cookie` value, or undefined when there are none. */
export function cookieHeader(params: object | undefined): string | undefined {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined) {
      pairs.push(`${name}=${encodeURIComponent(Array.isArray(value) ? value.join(',') : String(value))}`);
    }
  }
  return pairs.length ? pairs.join('; ') : undefined;
}
