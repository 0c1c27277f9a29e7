/**
 * HTTP caching for representations that only change when the content or the config does
 * (feeds, pages): rendered once per isolate, served with a strong ETag and Last-Modified,
 * and answered with 304 when the client already has them (RFC 9110 §8.8, §13, RFC 9111).
 */

/** One rendered representation, ready to be served many times. */
export interface Representation {
  /** UTF-8 bytes of the body, encoded once. */
  body: Uint8Array;
  /** `Content-Type` with charset. */
  contentType: string;
  /** Strong entity tag, quoted: `"…"`. */
  etag: string;
  /** Newest change of what the representation shows, at whole seconds. */
  lastModified: Date;
  /**
   * The same bytes gzip-compressed, when that saves anything: feed readers ask for gzip, and
   * compressing once per rendering beats compressing per request.
   */
  gzip?: { body: Uint8Array; etag: string };
}

const encoder = new TextEncoder();

/**
 * `precompress`: prepare a gzip variant of each representation. The static build turns it
 * off (Workers Static Assets compresses per client on the edge).
 * `digest`: the hex SHA-256 of a body, synchronously (the static build gives Node's, which
 * costs a fraction of a `crypto.subtle` call per file); by default `crypto.subtle`'s.
 * `capture`: the static build is rendering, each path once: a 200 carries no body (the build
 * takes it from representationOf, and a body would be a stream made for nothing) and
 * representations are not kept once served.
 */
export const representationSettings: { precompress: boolean; digest?: (body: Uint8Array) => string; capture?: boolean } = { precompress: true };

/** Representations by the responses that served them (the static build reads the bytes from there). */
const served = new WeakMap<Response, Representation>();

/**
 * The representation `response` was made from (by serveRepresentation, uncompressed), if it
 * was: the static build takes its bytes and ETag (the hash its writer keeps) from it instead of
 * reading the body back and hashing it again.
 */
export function representationOf(response: Response): Representation | undefined {
  return served.get(response);
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Encodes `text`, derives a strong ETag from its bytes (SHA-256, 128 bits), and prepares the
 * gzip variant (with an ETag of its own: a strong validator names one content coding).
 */
export async function toRepresentation(text: string, contentType: string, lastModified: Date): Promise<Representation> {
  const body = encoder.encode(text);
  let hex = '';
  if (representationSettings.digest) hex = representationSettings.digest(body).slice(0, 32);
  else for (const b of new Uint8Array(await crypto.subtle.digest('SHA-256', body)).subarray(0, 16)) hex += b.toString(16).padStart(2, '0');
  // HTTP dates have whole seconds: compare and send at that precision.
  const seconds = Math.floor(lastModified.getTime() / 1000) * 1000;
  const rep: Representation = { body, contentType, etag: `"${hex}"`, lastModified: new Date(Number.isFinite(seconds) ? seconds : 0) };
  if (representationSettings.precompress && body.byteLength >= 1024) {
    const compressed = await gzip(body);
    if (compressed.byteLength < body.byteLength * 0.9) rep.gzip = { body: compressed, etag: `"${hex}-gzip"` };
  }
  return rep;
}

// Accept-Encoding values repeat (each client sends the same one every time): remember the answers.
const gzipAnswers = new Map<string, boolean>();

/** Whether an Accept-Encoding field value accepts gzip (RFC 9110 §12.5.3, q-values honoured). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  const known = gzipAnswers.get(header);
  if (known !== undefined) return known;
  let gzipQ: number | undefined;
  let anyQ: number | undefined;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const value = Number.isFinite(weight) ? weight : 0;
    if (coding.trim() === 'gzip' || coding.trim() === 'x-gzip') gzipQ = value;
    else if (coding.trim() === '*') anyQ = value;
  }
  const answer = (gzipQ ?? anyQ ?? 0) > 0;
  if (gzipAnswers.size < 256) gzipAnswers.set(header, answer);
  return answer;
}

/** `public, max-age=N` from CACHE_MAX_AGE; a missing or malformed value falls back to 300 s. */
export function cacheControl(maxAge: string | undefined): string {
  const trimmed = maxAge?.trim() ?? '';
  const seconds = /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : 300;
  return `public, max-age=${seconds}`;
}

/** The entity tags listed in an If-None-Match field value (`*` stands for any). */
export function parseEntityTags(value: string): string[] {
  // An etag may itself contain commas, so match whole tags rather than splitting.
  return value.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
}

/** Weak comparison (RFC 9110 §8.8.3.2), the one If-None-Match uses. */
function weakMatch(a: string, b: string): boolean {
  return a.replace(/^W\//, '') === b.replace(/^W\//, '');
}

/**
 * Whether a GET/HEAD with these conditional headers may be answered with 304 Not Modified.
 * If-None-Match, when present, decides alone; If-Modified-Since is only used without it.
 */
export function isNotModified(request: Request, validators: { etag: string; lastModified: Date; otherEtags?: readonly string[] }): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const inm = request.headers.get('If-None-Match');
  if (inm !== null) {
    // Either coding's tag proves the client holds the current content.
    const current = [validators.etag, ...(validators.otherEtags ?? [])];
    return parseEntityTags(inm).some((tag) => tag === '*' || current.some((etag) => weakMatch(tag, etag)));
  }
  const ims = request.headers.get('If-Modified-Since');
  if (ims !== null) {
    const since = Date.parse(ims);
    // An invalid date is ignored (RFC 9110 §13.1.3): the full response is sent.
    if (Number.isNaN(since)) return false;
    return validators.lastModified.getTime() <= since;
  }
  return false;
}

/**
 * Serves a representation: 200 with the body, or 304 with the same validators and no body.
 * HEAD gets the 200 headers (Hono strips the body of a HEAD answered by a GET route).
 */
export function serveRepresentation(
  request: Request,
  rep: Representation,
  options: { cacheControl: string; headers?: Record<string, string>; now?: number },
): Response {
  // Never announce a modification in the future (RFC 9110 §8.8.2.1): content dated ahead of
  // the clock is sent as modified now.
  const now = options.now ?? Date.now();
  const lastModified = rep.lastModified.getTime() > now ? new Date(Math.floor(now / 1000) * 1000) : rep.lastModified;
  const gzipped = rep.gzip !== undefined && acceptsGzip(request.headers.get('Accept-Encoding'));
  const etag = gzipped ? rep.gzip!.etag : rep.etag;
  const headers: Record<string, string> = {
    ETag: etag,
    'Last-Modified': lastModified.toUTCString(),
    'Cache-Control': options.cacheControl,
    ...options.headers,
  };
  if (rep.gzip) headers.Vary = 'Accept-Encoding';
  const otherEtags = rep.gzip ? [gzipped ? rep.etag : rep.gzip.etag] : undefined;
  if (isNotModified(request, { etag, lastModified, otherEtags })) {
    return new Response(null, { status: 304, headers });
  }
  headers['Content-Type'] = rep.contentType;
  const body = gzipped ? rep.gzip!.body : rep.body;
  headers['Content-Length'] = String(body.byteLength);
  if (!gzipped) {
    if (!representationSettings.capture) return new Response(body, { status: 200, headers });
    // Rendering for the static build: no body, the bytes are taken from the representation.
    const response = new Response(null, { status: 200, headers });
    served.set(response, rep);
    return response;
  }
  headers['Content-Encoding'] = 'gzip';
  // The bytes are gzip already: the runtime must send them as they are.
  return new Response(body, { status: 200, headers, encodeBody: 'manual' });
}

/**
 * Representations memoised per isolate, least recently used dropped first once `maxBytes`
 * is exceeded: a crawler walking every `?limit=` cannot exhaust the isolate's memory.
 * A render in flight is shared, so concurrent first requests render once.
 */
export class RepresentationCache {
  readonly #entries = new Map<string, Promise<Representation>>();
  readonly #sizes = new Map<string, number>();
  #bytes = 0;
  /** How many times `get` had to render (for tests and the benchmark). */
  renders = 0;

  constructor(readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string, render: () => Promise<Representation> | Representation): Promise<Representation> {
    const hit = this.#entries.get(key);
    if (hit) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    this.renders++;
    const pending = Promise.resolve().then(render);
    this.#entries.set(key, pending);
    pending.then(
      (rep) => {
        if (this.#entries.get(key) !== pending) return;
        const size = rep.body.byteLength + (rep.gzip?.body.byteLength ?? 0);
        this.#sizes.set(key, size);
        this.#bytes += size;
        this.#evict(key);
      },
      () => {
        // A failed render is not remembered: the next request tries again.
        if (this.#entries.get(key) === pending) this.#entries.delete(key);
      },
    );
    return pending;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#sizes.clear();
    this.#bytes = 0;
  }

  #evict(keep: string): void {
    for (const key of this.#entries.keys()) {
      if (this.#bytes <= (representationSettings.capture ? 0 : this.maxBytes)) break;
      if (key === keep) continue;
      const size = this.#sizes.get(key);
      if (size === undefined) continue; // still rendering
      this.#entries.delete(key);
      this.#sizes.delete(key);
      this.#bytes -= size;
    }
  }
}

/**
 * One RepresentationCache per site model object (so per isolate and content version), with
 * a byte budget each; `renders` tells how many representations were rendered for a site.
 */
export function cachePerSite(budgetBytes: number): { for(site: object): RepresentationCache; renders(site: object): number } {
  const caches = new WeakMap<object, RepresentationCache>();
  return {
    for(site) {
      let cache = caches.get(site);
      if (!cache) {
        cache = new RepresentationCache(budgetBytes);
        caches.set(site, cache);
      }
      return cache;
    },
    renders: (site) => caches.get(site)?.renders ?? 0,
  };
}
