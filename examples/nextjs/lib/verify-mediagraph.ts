import { createHmac, timingSafeEqual } from "node:crypto";

// verifyMediagraph tells whether a webhook's raw body carries a valid Mediagraph-Signature header.
export function verifyMediagraph(body: string, header: string, secret: string, toleranceSec = 300): boolean {
  const [first, ...sigs] = header.split(",");
  const t = first.startsWith("t=") ? first.slice(2) : "";
  if (!t || Math.abs(Date.now() / 1000 - Number(t)) > toleranceSec) return false;
  const want = Buffer.from("v1=" + createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  return sigs.some((s) => s.length === want.length && timingSafeEqual(Buffer.from(s), want));
}
