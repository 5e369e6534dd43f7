import { InvalidResponseError, type CallInfo } from './errors.js';
import type { ParseAs } from './types.js';

/**
 * A 2xx body as the request asked (`parseAs`, default JSON: nothing for 204 or an empty body). A JSON body that
 * does not parse throws InvalidResponseError, which carries the status, headers, request id and the text.
 */
export async function readOk(call: CallInfo, res: Response, parseAs: ParseAs = 'json'): Promise<unknown> {
  switch (parseAs) {
    case 'void':
      await res.body?.cancel();
      return undefined;
    case 'stream':
      return res.body;
    case 'text':
      return res.text();
    case 'blob':
      return res.blob();
    case 'arrayBuffer':
      return res.arrayBuffer();
  }
  const text = res.status === 204 ? '' : await res.text();
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw InvalidResponseError.of(call, res, text, e);
  }
}

/** A non-2xx body: JSON when it parses, else the text (a proxy's HTML page, say); nothing when empty. */
export async function readError(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
