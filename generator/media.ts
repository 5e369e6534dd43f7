// Media types, classified once: how a body is encoded on the wire and how a response is read.
// Shared by the validate and model stages (it depends on nothing else in the generator).

export type MediaKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

/** How the runtime reads a 2xx body (runtime ApiRequest.parseAs). */
export type ParseAs = 'json' | 'text' | 'blob' | 'void';

export function mediaKind(mediaType: string): MediaKind {
  const m = mediaType.toLowerCase().split(';')[0]!.trim();
  if (m === 'application/json' || /^application\/[^/]*\+json$/.test(m) || m === '*/*' || m === 'application/*') {
    return 'json';
  }
  if (m === 'application/x-www-form-urlencoded') {
    return 'form';
  }
  if (m.startsWith('multipart/')) {
    return 'multipart';
  }
  if (m.startsWith('text/') || m === 'application/xml' || /^application\/[^/]*\+xml$/.test(m)) {
    return 'text';
  }
  return 'binary';
}

const PREFERENCE: MediaKind[] = ['json', 'form', 'multipart', 'text', 'binary'];

/** The media type a call uses unless the caller picks another: JSON first, then form, multipart, text, binary. */
export function preferredMedia(mediaTypes: string[]): string | undefined {
  return [...mediaTypes].sort((a, b) => PREFERENCE.indexOf(mediaKind(a)) - PREFERENCE.indexOf(mediaKind(b)))[0];
}

export function parseAsFor(mediaType: string | undefined): ParseAs {
  if (mediaType === undefined) {
    return 'void';
  }
  const kind = mediaKind(mediaType);
  return kind === 'json' ? 'json' : kind === 'text' || kind === 'form' ? 'text' : 'blob';
}
