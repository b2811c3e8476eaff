/** How old a signature may be before it is refused as a replay (seconds). */
export const defaultTolerance = 300;

export interface VerifyOptions {
  /** Seconds a delivery's timestamp may differ from now; 0 checks no time. Default 300. */
  tolerance?: number;
  /** The time to check against, in Unix seconds; by default now. */
  now?: number;
}

async function subtle(): Promise<SubtleCrypto> {
  if (globalThis.crypto?.subtle) return globalThis.crypto.subtle;
  // Node 18 has Web Crypto only under node:crypto.
  const { webcrypto } = await import('node:crypto');
  return webcrypto.subtle as SubtleCrypto;
}

function toHex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares without stopping at the first difference, so timing tells nothing of the signature. */
function equal(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a webhook delivery's `Mediagraph-Signature` header (`t=<unix>,v1=<hex HMAC-SHA256 of
 * "t.body">`) against the webhook's secret. Pass the body exactly as received, before any JSON parsing.
 */
export async function verifySignature(
  body: string | Uint8Array, header: string | null | undefined, secret: string, options: VerifyOptions = {},
): Promise<boolean> {
  if (!header || !secret) return false;
  let t = '';
  const v1: string[] = [];
  for (const item of header.split(',')) {
    const [k, v] = item.trim().split('=', 2);
    if (k === 't' && v) t = v;
    if (k === 'v1' && v) v1.push(v.toLowerCase());
  }
  if (!/^\d+$/.test(t) || v1.length === 0) return false;
  const tolerance = options.tolerance ?? defaultTolerance;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (tolerance > 0 && Math.abs(now - Number(t)) > tolerance) return false;
  const enc = new TextEncoder();
  const bytes = typeof body === 'string' ? enc.encode(body) : body;
  const signed = new Uint8Array(t.length + 1 + bytes.length);
  signed.set(enc.encode(`${t}.`));
  signed.set(bytes, t.length + 1);
  const s = await subtle();
  const key = await s.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const want = toHex(await s.sign('HMAC', key, signed));
  return v1.some((got) => equal(got, want));
}
